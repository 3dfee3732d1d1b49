// UI scenarios: each run(page, tools) throws on failure. Keep them independent (fresh browser context each).
import assert from 'node:assert/strict';

export async function signIn(page, tools) {
  await page.goto(tools.baseUrl + '/');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('textbox', { name: 'API token' }).fill(tools.token);
  await page.getByRole('button', { name: 'Sign in', exact: true }).last().click();
  await page.getByText(/· (admin|operator)/).waitFor();
}

export const scenarios = [
  {
    name: 'home',
    async run(page, tools) {
      await page.goto(tools.baseUrl + '/');
      await page.getByRole('heading', { level: 1, name: 'mcpver' }).waitFor();
      await page.getByText(/^mcpver \d+\.\d+\.\d+ · sqlite schema \d+/).waitFor();
      assert.equal(await page.getByRole('navigation', { name: 'Main' }).getByRole('link').count(), 4);
      await tools.shot('home');
    },
  },
  {
    name: 'sign-in',
    async run(page, tools) {
      await signIn(page, tools);
      const stored = await page.evaluate(() => sessionStorage.getItem('mcpver.token'));
      assert.equal(stored, tools.token);
      assert.ok(!page.url().includes(tools.token), 'the token never appears in the URL');
    },
  },
  {
    name: 'bad-token-shows-problem',
    allowConsole: /status of 401/,
    async run(page, tools) {
      await page.goto(tools.baseUrl + '/');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('textbox', { name: 'API token' }).fill('not-a-real-token');
      await page.getByRole('button', { name: 'Sign in', exact: true }).last().click();
      await page.getByRole('alert').getByText('Unauthorized').waitFor();
    },
  },
  {
    name: 'narrow-screen',
    viewport: { width: 390, height: 844 },
    async run(page, tools) {
      await page.goto(tools.baseUrl + '/');
      await page.getByRole('heading', { level: 1, name: 'mcpver' }).waitFor();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 1, `no horizontal scrolling at 390px (overflow ${overflow}px)`);
      await tools.shot('home-narrow');
    },
  },
  {
    name: 'chat-offline-live-steps',
    async run(page, tools) {
      await page.goto(tools.baseUrl + '/#/chat');
      await page.getByText('offline planner', { exact: true }).waitFor();
      await page.getByRole('textbox', { name: 'Message' }).fill('Does 1.4.2 satisfy ^1.2.3?');
      await page.getByRole('button', { name: 'Send' }).click();
      await page.locator('.answer').getByText('1.4.2 satisfies ^1.2.3').waitFor();
      const kinds = await page.locator('.steps .step').evaluateAll((items) => items.map((i) => i.dataset.kind));
      for (const kind of ['user_message', 'model_request', 'thought', 'tool_call', 'tool_result', 'final_answer']) {
        assert.ok(kinds.includes(kind), `a ${kind} step is shown (saw ${kinds.join(',')})`);
      }
      await page.getByRole('link', { name: 'Does 1.4.2 satisfy ^1.2.3?' }).first().waitFor();
      await tools.shot('chat');
    },
  },
  {
    name: 'trace-verify-replay',
    async run(page, tools) {
      await page.goto(tools.baseUrl + '/#/traces');
      await page.getByRole('navigation', { name: 'Conversations' }).getByRole('link').first().click();
      await page.getByRole('button', { name: 'Verify replay' }).first().click();
      await page.locator('.replay-result').getByText('identical').waitFor();
      await page.getByLabel('Show kind').selectOption('tool_call');
      const visible = await page.locator('.steps .step:not([hidden])').evaluateAll((items) => items.map((i) => i.dataset.kind));
      assert.ok(visible.length > 0 && visible.every((k) => k === 'tool_call'), `only tool calls remain (${visible})`);
      await tools.shot('trace');
    },
  },
];

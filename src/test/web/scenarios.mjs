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
];

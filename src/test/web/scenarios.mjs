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
  {
    name: 'experiment-plots',
    async run(page, tools) {
      const id = await seedExperiment(tools);
      await signIn(page, tools);
      await page.goto(`${tools.baseUrl}/#/experiments/${id}`);
      await page.getByText('Decision: promote (winner B)').waitFor();
      await page.locator('svg.forest').first().waitFor();
      assert.equal(await page.locator('svg.forest').count(), 2, 'one forest plot per metric');
      assert.ok(await page.locator('svg.line path.series').count() >= 2, 'sequential p-value lines are drawn');
      await page.getByRole('heading', { name: /Sample ratio/ }).getByText('ok').waitFor();
      await page.getByRole('button', { name: 'Write recommendation' }).click();
      await page.locator('.recommendation .answer').getByText('Decision: promote B').waitFor();
      await tools.shot('experiment');
    },
  },
  {
    name: 'compat-report',
    async run(page, tools) {
      const { server, newer } = await seedRelease(tools);
      await page.goto(`${tools.baseUrl}/#/releases/${server.id}`);
      await page.getByRole('table', { name: 'Versions' }).getByText('under-bumped').waitFor();
      await page.getByRole('link', { name: '1.1.0' }).click();
      await page.waitForURL(new RegExp(`/versions/${newer.id}$`));
      const report = page.locator('.compat-report');
      await report.getByText('Under-bumped:').waitFor();
      assert.equal(await report.locator('.required-bump').textContent(), 'major');
      assert.equal(await report.locator('.declared-bump').textContent(), 'minor');
      const breaking = report.getByRole('region', { name: 'breaking changes' });
      await breaking.locator('[data-rule="tool-removed"]').getByText('tools/delete_note').waitFor();
      await breaking.locator('.change').getByText('tools/add_note#input').first().waitFor();
      await report.getByRole('region', { name: 'non_breaking changes' }).waitFor();
      await report.getByLabel('Group by').selectOption('consumer');
      await report.getByRole('region', { name: 'wire changes' }).waitFor();
      await report.getByLabel('Filter changes').fill('delete_note');
      assert.equal(await report.locator('.change').count(), 1, 'the filter leaves the removed tool only');
      await tools.shot('compat-report');
      await page.setViewportSize({ width: 390, height: 844 });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 1, `the report fits 390px (overflow ${overflow}px)`);
    },
  },
  {
    name: 'promotion-gates-then-confirm',
    async run(page, tools) {
      const { server, newer } = await seedRelease(tools);
      await page.goto(`${tools.baseUrl}/#/releases/${server.id}/versions/${newer.id}`);
      await page.getByRole('heading', { name: 'Move to another stage' }).waitFor();
      assert.equal(await page.getByRole('button', { name: 'Check gates' }).count(), 0, 'anonymous viewers see no promotion');
      await signIn(page, tools);
      await page.goto(`${tools.baseUrl}/#/releases/${server.id}/versions/${newer.id}`);
      await page.getByLabel('Target stage').selectOption('testing');
      await page.getByRole('button', { name: 'Check gates' }).click();
      const gates = page.getByRole('table', { name: 'Gates for testing' });
      await gates.locator('[data-gate="signature"]').getByText('fail').waitFor();
      assert.equal(await page.locator('h2 .badge.stage').textContent(), 'development', 'nothing moves before the confirmation');
      await tools.shot('promotion-gates');
      await page.getByRole('button', { name: 'Confirm move to testing' }).click();
      await page.locator('h2 .badge.stage', { hasText: 'testing' }).waitFor();
    },
  },
  {
    name: 'demo-data',
    explicit: true, // against mcpver serve --demo
    async run(page, tools) {
      await page.goto(tools.baseUrl + '/#/releases');
      const servers = page.getByRole('navigation', { name: 'Servers' });
      for (const name of ['filesystem', 'everything', 'memory']) await servers.getByRole('link', { name: new RegExp(`^${name}`) }).waitFor();
      await servers.getByRole('link', { name: /^filesystem/ }).click();
      const versions = page.getByRole('table', { name: 'Versions' });
      await versions.getByText('production').first().waitFor();
      await versions.getByText('under-bumped').waitFor();
      await tools.shot('demo-releases');
      await versions.getByRole('link', { name: '2026.8.31' }).click();
      await page.locator('.compat-report').getByText('Under-bumped:').waitFor();
      await page.getByRole('table', { name: 'Gates for production' }).locator('[data-gate="signature"]').getByText('fail').waitFor();
      await tools.shot('demo-compat-report');
      await page.goto(tools.baseUrl + '/#/experiments');
      await page.getByRole('navigation', { name: 'Experiments list' }).getByRole('link').first().click();
      await page.locator('svg.forest').first().waitFor();
      assert.ok(await page.locator('svg.line path.series').count() >= 2, 'sequential p-value lines are drawn');
      await tools.shot('demo-experiment');
      await page.goto(tools.baseUrl + '/#/traces');
      const conversations = page.getByRole('navigation', { name: 'Conversations' }).getByRole('link');
      await conversations.first().waitFor();
      assert.ok(await conversations.count() >= 5, 'the recorded conversations are there');
    },
  },
];

// Registers a server with two versions whose surfaces differ: 1.1.0 removes a tool and adds a required parameter,
// yet declares only a minor bump (so the release is under-bumped).
async function seedRelease(tools) {
  const call = api(tools);
  const server = await call('POST', '/api/v1/servers', {
    name: `notes-${Date.now()}-${Math.floor(Math.random() * 1e6)}`, description: 'A note-taking MCP server', owner: 'ui-test',
    category: 'productivity', tags: ['ui-test'], launch: { transport: 'stdio', command: 'notes-server', args: [] },
  });
  const note = (required) => ({
    name: 'add_note', description: 'Add a note',
    inputSchema: { type: 'object', properties: { text: { type: 'string' }, folder: { type: 'string' } }, required },
  });
  const remove = { name: 'delete_note', description: 'Delete a note', inputSchema: { type: 'object', properties: { id: { type: 'string' } }, required: ['id'] } };
  const search = { name: 'search_notes', description: 'Search notes', inputSchema: { type: 'object', properties: { query: { type: 'string' } }, required: ['query'] } };
  const version = (v, surfaceTools) => call('POST', `/api/v1/servers/${server.id}/versions`, {
    version: v, changelog: `release ${v}`,
    artifact: { kind: 'package', location: `npm:notes-server@${v}`, sha256: 'ab'.repeat(32) },
    surface: { schemaVersion: 1, server: { name: 'notes-server', version: v }, tools: surfaceTools },
  });
  const older = await version('1.0.0', [note(['text']), remove]);
  const newer = await version('1.1.0', [note(['text', 'folder']), search]);
  return { server, older, newer };
}

function api(tools) {
  const headers = { Authorization: `Bearer ${tools.token}`, 'Content-Type': 'application/json' };
  return async (method, path, body) => {
    const response = await fetch(tools.baseUrl + path, { method, headers, body: body && JSON.stringify(body) });
    assert.ok(response.ok, `${method} ${path} -> ${response.status} ${await response.clone().text()}`);
    return response.json();
  };
}

// Creates, starts and feeds an experiment through the public API (B converts better and answers faster).
async function seedExperiment(tools) {
  const headers = { Authorization: `Bearer ${tools.token}`, 'Content-Type': 'application/json' };
  const call = async (method, path, body) => {
    const response = await fetch(tools.baseUrl + path, { method, headers, body: body && JSON.stringify(body) });
    assert.ok(response.ok, `${method} ${path} -> ${response.status} ${await response.clone().text()}`);
    return response.json();
  };
  const experiment = await call('POST', '/api/v1/experiments', {
    name: `ui-${Date.now()}`,
    mcpId: 'mcp-search',
    variants: [{ key: 'A', version: '1.0.0', weight: 50 }, { key: 'B', version: '1.1.0', weight: 50 }],
    control: 'A',
    metrics: [
      { name: 'success', kind: 'binary', direction: 'higher_is_better', role: 'primary' },
      { name: 'response_time', kind: 'continuous', direction: 'lower_is_better', role: 'guardrail', guardrailThreshold: 0.1 },
    ],
  });
  await call('POST', `/api/v1/experiments/${experiment.id}/start`);
  let seed = 7;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  for (let batch = 0; batch < 4; batch++) {
    const observations = [];
    for (let i = 0; i < 300; i++) {
      for (const [variant, rate, latency] of [['A', 0.8, 120], ['B', 0.87, 110]]) {
        observations.push({ variant, metric: 'success', value: random() < rate ? 1 : 0 });
        observations.push({ variant, metric: 'response_time', value: latency * (0.7 + 0.6 * random()) });
      }
    }
    await call('POST', `/api/v1/experiments/${experiment.id}/metrics`, { observations });
  }
  return experiment.id;
}

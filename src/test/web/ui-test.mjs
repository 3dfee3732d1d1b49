// Drives the mcpver web UI in headless Chromium (Debian's, via playwright-core; no browser download).
// Usage: node ui-test.mjs <baseUrl> <screenshotDir>   env: MCPVER_UI_TOKEN (an admin/operator token),
// MCPVER_UI_ONLY (optional, comma-separated scenario names to run while iterating)
// Prints one JSON line {"passed":[...],"failed":[{name,error}],"consoleErrors":[...]} and exits 1 on any failure.
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { scenarios } from './scenarios.mjs';

const [baseUrl, outDir] = process.argv.slice(2);
if (!baseUrl || !outDir) {
  console.error('usage: node ui-test.mjs <baseUrl> <screenshotDir>');
  process.exit(2);
}
mkdirSync(outDir, { recursive: true });

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const result = { passed: [], failed: [], consoleErrors: [] };
try {
  const only = (process.env.MCPVER_UI_ONLY || '').split(',').filter(Boolean);
  // Scenarios marked explicit (they need a particular server, e.g. serve --demo) run only when named.
  for (const scenario of scenarios.filter((s) => (only.length === 0 ? !s.explicit : only.includes(s.name)))) {
    const context = await browser.newContext({ viewport: scenario.viewport || { width: 1280, height: 900 } });
    const page = await context.newPage();
    page.on('console', (message) => {
      // A scenario that provokes an HTTP error on purpose may allow the browser's own network log line for it.
      const allowed = scenario.allowConsole && scenario.allowConsole.test(message.text());
      if (message.type() === 'error' && !allowed) result.consoleErrors.push(`${scenario.name}: ${message.text()}`);
    });
    page.on('pageerror', (error) => result.consoleErrors.push(`${scenario.name}: ${error.message}`));
    const tools = {
      baseUrl,
      token: process.env.MCPVER_UI_TOKEN || '',
      shot: (name) => page.screenshot({ path: join(outDir, `${name}.png`), fullPage: true }),
    };
    try {
      await scenario.run(page, tools);
      result.passed.push(scenario.name);
    } catch (error) {
      result.failed.push({ name: scenario.name, error: String(error && error.stack || error) });
      await page.screenshot({ path: join(outDir, `FAILED-${scenario.name}.png`), fullPage: true }).catch(() => {});
    }
    await context.close();
  }
} finally {
  await browser.close();
}
console.log(JSON.stringify(result));
process.exit(result.failed.length === 0 && result.consoleErrors.length === 0 ? 0 : 1);

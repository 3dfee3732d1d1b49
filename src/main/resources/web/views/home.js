// Home: what is running, and where to go next.
import { get } from '../api.js';
import { el } from '../dom.js';

async function safe(path) {
  try {
    return await get(path);
  } catch {
    return null;
  }
}

export async function render(view) {
  const [version, ready] = await Promise.all([get('/api/v1/version'), safe('/ready')]);
  view.append(
    el('h1', { text: 'mcpver' }),
    el('p', { class: 'lead', text: 'Version MCP servers honestly, catch breaking changes before release, upgrade with a way back, and A/B-test new versions.' }),
    el('dl', { class: 'facts' },
      el('dt', { text: 'Version' }), el('dd', { text: version.version }),
      el('dt', { text: 'Database' }), el('dd', { text: `${version.database.vendor} (schema ${version.database.schemaVersion})` }),
      el('dt', { text: 'Ready' }), el('dd', { text: ready ? 'yes' : 'no' })),
    el('div', { class: 'cards' },
      card('#/chat', 'Chat', 'Ask the agent to plan a version decision and watch every step.'),
      card('#/traces', 'Traces', 'Every run, step by step; replay and fork.'),
      card('#/releases', 'Releases', 'Servers, versions, lifecycle, compatibility reports and gates.'),
      card('#/experiments', 'Experiments', 'A/B results: lifts with confidence intervals, sequential p-values, decisions.')));
}

function card(href, title, text) {
  return el('a', { class: 'card', href }, el('h2', { text: title }), el('p', { text }));
}

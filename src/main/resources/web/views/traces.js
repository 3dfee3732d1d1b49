// Traces: a run's steps as a timeline, filter by kind, verify-replay with side-by-side diffs, fork, export/import.
import { get, post } from '../api.js';
import { canWrite, showError } from '../ui.js';
import { clear, el, formatTime, json } from '../dom.js';
import { flatten, stepItem } from './steps.js';

const KINDS = ['user_message', 'thought', 'model_request', 'model_response', 'tool_call', 'tool_result', 'final_answer', 'error'];

export async function render(view, [conversationId]) {
  const list = await get('/api/v1/conversations?limit=100');
  const detail = el('section', { 'aria-label': 'Trace' });
  view.append(el('h1', { text: 'Traces' }),
    el('div', { class: 'split' }, sidebar(list.conversations, conversationId), detail));
  if (conversationId) await showConversation(detail, conversationId);
  else detail.append(el('p', { class: 'muted', text: list.conversations.length ? 'Pick a conversation.' : 'No conversations yet: ask something in Chat.' }));
}

function sidebar(items, current) {
  const file = el('input', { type: 'file', id: 'import-file', accept: 'application/json,.json' });
  file.addEventListener('change', async () => {
    const chosen = file.files && file.files[0];
    if (!chosen) return;
    try {
      const imported = await post('/api/v1/conversations/import', JSON.parse(await chosen.text()));
      location.hash = `#/traces/${encodeURIComponent(imported.conversationId)}`;
    } catch (error) {
      showError(error);
    }
  });
  return el('nav', { class: 'panel', 'aria-label': 'Conversations' },
    el('ul', { class: 'list' }, items.map((c) => el('li', {},
      el('a', { href: `#/traces/${encodeURIComponent(c.id)}`, 'aria-current': c.id === current ? 'true' : null },
        c.title || c.id, el('br'), el('small', { class: 'muted', text: formatTime(c.updatedAt) }))))),
    canWrite('operator') ? el('div', {}, el('label', { for: 'import-file', text: 'Import a trace file' }), file) : null);
}

async function showConversation(detail, conversationId) {
  const trace = await get(`/api/v1/conversations/${encodeURIComponent(conversationId)}/trace?view=tree`);
  const filter = el('select', { id: 'kind-filter' }, el('option', { value: '', text: 'all kinds' }),
    KINDS.map((k) => el('option', { value: k, text: k.replace('_', ' ') })));
  const search = el('input', { id: 'step-search', type: 'search', placeholder: 'text in a step' });
  const runs = el('div', {});
  const apply = () => {
    for (const item of runs.querySelectorAll('.step')) {
      const kindOk = !filter.value || item.dataset.kind === filter.value;
      const textOk = !search.value || item.textContent.toLowerCase().includes(search.value.toLowerCase());
      item.hidden = !(kindOk && textOk);
    }
  };
  filter.addEventListener('change', apply);
  search.addEventListener('input', apply);
  trace.runs.forEach((run) => runs.append(runPanel(run, conversationId)));
  detail.append(
    el('h2', { text: trace.title || conversationId }),
    el('div', { class: 'row' },
      el('div', {}, el('label', { for: 'kind-filter', text: 'Show kind' }), filter),
      el('div', {}, el('label', { for: 'step-search', text: 'Search steps' }), search),
      el('div', { class: 'shrink' }, el('button', { type: 'button', class: 'secondary', onclick: () => exportTrace(conversationId), text: 'Export' }))),
    runs);
}

function runPanel(run, conversationId) {
  const steps = flatten(run.steps);
  const usage = run.usage ? `${run.usage.total} tokens` : '';
  const outcome = el('div', { class: 'replay-result' });
  const panel = el('article', { class: 'panel', 'aria-label': `Run ${run.id}` },
    el('header', { class: 'row' },
      el('div', {},
        el('h3', { text: `Run ${run.id}` }),
        el('p', { class: 'muted' },
          `${run.origin} · ${run.planner.kind}${run.planner.model ? ` (${run.planner.model})` : ''} · `,
          el('span', { class: `badge ${run.status}`, text: run.status }),
          ` · ${run.durationMs ?? '?'} ms · ${run.rounds ?? 0} rounds · ${usage}`)),
      el('div', { class: 'shrink' },
        el('button', { type: 'button', onclick: () => verify(run, outcome), text: 'Verify replay' }))),
    timeline(steps),
    el('ol', { class: 'steps' }, steps.map((s) => stepItem(s))),
    forkForm(run, steps, conversationId),
    outcome);
  return panel;
}

// A proportional bar per step with a duration: where the time of the run went.
function timeline(steps) {
  const timed = steps.filter((s) => s.durationMs !== undefined);
  const total = timed.reduce((sum, s) => sum + Math.max(1, s.durationMs), 0);
  if (timed.length === 0) return null;
  return el('div', { class: 'timeline', role: 'img', 'aria-label': `Time per step, ${total} ms in all` },
    timed.map((s) => el('span', {
      class: `slice kind-${s.kind}`,
      style: `flex-grow:${Math.max(1, s.durationMs)}`,
      title: `#${s.index} ${s.kind} ${s.name || ''}: ${s.durationMs} ms`,
    })));
}

async function verify(run, outcome) {
  clear(outcome);
  try {
    const result = await post(`/api/v1/runs/${encodeURIComponent(run.id)}/replay`, { mode: 'verify' });
    outcome.append(el('h4', {}, 'Verify replay: ', el('span', { class: `badge ${result.status === 'identical' ? 'ok' : 'error'}`, text: result.status })));
    if (result.diffs.length === 0) outcome.append(el('p', { text: 'Every recorded tool result is reproduced exactly by the current engines.' }));
    result.diffs.forEach((d) => outcome.append(el('div', { class: 'panel' },
      el('p', {}, el('code', { text: d.logicalKey }), ` ${d.kind} in `, el('code', { text: d.tool || '' })),
      el('div', { class: 'diff' },
        el('div', {}, el('strong', { text: 'recorded' }), json(d.expected)),
        el('div', {}, el('strong', { text: 'now' }), json(d.actual))))));
    (result.notes || []).forEach((n) => outcome.append(el('p', { class: 'hint', text: n })));
  } catch (error) {
    showError(error);
  }
}

function forkForm(run, steps, conversationId) {
  const userSteps = steps.filter((s) => s.kind === 'user_message' || s.kind === 'model_request');
  if (userSteps.length === 0) return null;
  const id = `fork-${run.id}`;
  const select = el('select', { id: `${id}-step` }, userSteps.map((s) => el('option', { value: s.index, text: `#${s.index} ${s.kind.replace('_', ' ')}` })));
  const message = el('input', { id: `${id}-message`, type: 'text', placeholder: 'edited message (optional)' });
  const form = el('form', { class: 'row fork' },
    el('div', {}, el('label', { for: `${id}-step`, text: 'Fork from step' }), select),
    el('div', {}, el('label', { for: `${id}-message`, text: 'Replace the user message' }), message),
    el('div', { class: 'shrink' }, el('button', { type: 'submit', class: 'secondary', text: 'Fork' })));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const body = { fromStep: Number(select.value) };
    if (message.value.trim()) body.replaceUserMessage = message.value.trim();
    try {
      const forked = await post(`/api/v1/runs/${encodeURIComponent(run.id)}/fork`, body);
      location.hash = `#/traces/${encodeURIComponent(forked.conversationId || conversationId)}`;
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    } catch (error) {
      showError(error);
    }
  });
  return el('details', {}, el('summary', { text: 'Fork this run' }), form);
}

async function exportTrace(conversationId) {
  try {
    const file = await get(`/api/v1/conversations/${encodeURIComponent(conversationId)}/export`);
    const url = URL.createObjectURL(new Blob([`${JSON.stringify(file, null, 2)}\n`], { type: 'application/json' }));
    const link = el('a', { href: url, download: `${conversationId}.json` });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  } catch (error) {
    showError(error);
  }
}

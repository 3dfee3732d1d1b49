// Chat: send a request, watch the agent's steps arrive live (SSE), confirm proposed state changes inline.
import { get, post, stream } from '../api.js';
import { canWrite, showError } from '../ui.js';
import { clear, el } from '../dom.js';
import { stepItem } from './steps.js';

export async function render(view, [conversationId]) {
  const [status, list] = await Promise.all([get('/api/v1/agent/status'), get('/api/v1/conversations?limit=50')]);
  updateModeBadge(status);
  const steps = el('ol', { class: 'steps', 'aria-label': 'Agent steps', 'aria-live': 'polite' });
  const answer = el('div', { class: 'answer-slot' });
  const input = el('textarea', { id: 'chat-message', name: 'message', required: true, placeholder: 'Can we move filesystem from 2025.8.21 to 2025.11.25 without breaking our agents?' });
  const send = el('button', { type: 'submit', text: 'Send' });
  const form = el('form', { class: 'panel', 'aria-label': 'Ask the agent' },
    el('label', { for: 'chat-message', text: 'Message' }), input,
    el('div', { class: 'actions' }, send));
  const state = { conversationId, sidebar: conversations(list.conversations, conversationId) };
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const message = input.value.trim();
    if (!message) return;
    send.disabled = true;
    clear(steps);
    clear(answer);
    try {
      await ask(message, state, steps, answer);
      input.value = '';
    } catch (error) {
      showError(error);
    } finally {
      send.disabled = false;
    }
  });
  view.append(
    el('h1', { text: 'Chat' }),
    el('p', { class: 'muted' }, modeText(status)),
    el('div', { class: 'split' },
      state.sidebar,
      el('section', { 'aria-label': 'Conversation' }, form, answer, steps)));
  if (conversationId) await showHistory(conversationId, steps, answer);
}

function modeText(status) {
  if (status.mode === 'offline') return `Offline planner (deterministic rules, no language model). ${status.offlineReason || ''}`;
  return `Online: ${status.online.model} via ${status.online.baseUrlHost}.`;
}

function updateModeBadge(status) {
  const badge = document.getElementById('mode-badge');
  badge.hidden = false;
  badge.className = `badge ${status.mode}`;
  badge.textContent = status.mode === 'offline' ? 'offline planner' : `online · ${status.online.model}`;
}

function conversations(items, current) {
  return el('nav', { 'aria-label': 'Conversations', class: 'panel' },
    el('a', { href: '#/chat', class: 'button secondary', text: 'New conversation' }),
    el('ul', { class: 'list' }, items.map((c) => el('li', {},
      el('a', { href: `#/chat/${encodeURIComponent(c.id)}`, 'aria-current': c.id === current ? 'true' : null, text: c.title || c.id })))));
}

async function ask(message, state, steps, answer) {
  const body = { message };
  if (state.conversationId) body.conversationId = state.conversationId;
  await stream('/api/v1/chat/stream', body, (name, data) => {
    if (name === 'step') steps.append(stepItem(data));
    else if (name === 'final') showFinal(data, state, steps, answer);
    else if (name === 'error') showError({ title: data.title || 'Agent run failed', detail: data.detail || JSON.stringify(data) });
  });
}

async function refreshSidebar(state) {
  const list = await get('/api/v1/conversations?limit=50');
  const fresh = conversations(list.conversations, state.conversationId);
  state.sidebar.replaceWith(fresh);
  state.sidebar = fresh;
}

function showFinal(result, state, steps, answer) {
  state.conversationId = result.conversationId;
  refreshSidebar(state).catch(showError);
  if (location.hash !== `#/chat/${result.conversationId}`) history.replaceState(null, '', `#/chat/${result.conversationId}`);
  clear(answer);
  if (result.answer) answer.append(el('h2', { text: 'Answer' }), el('div', { class: 'answer', text: result.answer }));
  (result.warnings || []).forEach((w) => answer.append(el('p', { class: 'hint', text: w })));
  if (result.pendingConfirmation) answer.append(confirmation(result, state, steps, answer));
}

function confirmation(result, state, steps, answer) {
  const pending = result.pendingConfirmation;
  const decide = async (decision) => {
    try {
      const next = await post(`/api/v1/runs/${encodeURIComponent(result.runId)}/confirm`, { decision });
      (next.steps || []).filter((s) => !steps.querySelector(`[data-index="${s.index}"]`)).forEach((s) => steps.append(stepItem(s)));
      showFinal(next, state, steps, answer);
    } catch (error) {
      showError(error);
    }
  };
  const allowed = canWrite('operator');
  return el('div', { class: 'panel', role: 'group', 'aria-label': 'Proposed action' },
    el('h2', { text: 'Proposed action needs confirmation' }),
    el('p', {}, 'The agent proposes ', el('code', { text: pending.tool || pending.name || 'a state-changing tool' }), '.'),
    el('pre', { class: 'json', text: JSON.stringify(pending.arguments || pending, null, 2) }),
    allowed ? null : el('p', { class: 'hint', text: 'Sign in as an operator to approve or reject.' }),
    el('div', { class: 'actions' },
      el('button', { type: 'button', class: 'secondary', disabled: !allowed, onclick: () => decide('reject'), text: 'Reject' }),
      el('button', { type: 'button', disabled: !allowed, onclick: () => decide('approve'), text: 'Approve' })));
}

async function showHistory(conversationId, steps, answer) {
  const trace = await get(`/api/v1/conversations/${encodeURIComponent(conversationId)}/trace?view=flat`);
  trace.runs.forEach((run) => run.steps.forEach((s) => steps.append(stepItem(s))));
  const last = trace.runs[trace.runs.length - 1];
  if (last && last.finalAnswer) answer.append(el('h2', { text: 'Answer' }), el('div', { class: 'answer', text: last.finalAnswer }));
}

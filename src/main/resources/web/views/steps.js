// Rendering of agent steps (chat live view and trace timeline share it).
import { el, formatTime, json } from '../dom.js';

const LABELS = {
  user_message: 'user', thought: 'thought', model_request: 'model request', model_response: 'model response',
  tool_call: 'tool call', tool_result: 'tool result', final_answer: 'answer', error: 'error',
};

function summary(step) {
  const p = step.payload || {};
  switch (step.kind) {
    case 'user_message': return p.text || '';
    case 'thought': return (p.arguments && p.arguments.thought) || '';
    case 'tool_call': return `${step.name}(${compact(p.arguments ?? p.rawArguments)})`;
    case 'tool_result': return step.status === 'error' ? `${step.name} failed: ${p.error || p.message || compact(p.result ?? p)}` : `${step.name} → ${compact(p.result ?? p)}`;
    case 'model_request': return `round ${step.round ?? ''}, attempt ${step.attempt ?? 1}`;
    case 'model_response': return p.toolCalls && p.toolCalls.length ? `asks for ${p.toolCalls.map((c) => c.name).join(', ')}` : (p.text || step.finishReason || '');
    case 'final_answer': return p.text || p.answer || '';
    case 'error': return `${step.errorType || p.code || 'error'}: ${step.errorMessage || p.message || ''}`;
    default: return '';
  }
}

function compact(value) {
  if (value === undefined || value === null) return '';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 160 ? `${text.slice(0, 157)}…` : text;
}

export function stepItem(step, { showPayload = true } = {}) {
  const meta = [];
  if (step.durationMs !== undefined) meta.push(`${step.durationMs} ms`);
  if (step.usage && step.usage.total) meta.push(`${step.usage.total} tokens`);
  if (step.attempt && step.attempt > 1) meta.push(`retry ${step.attempt - 1}`);
  const status = step.status === 'error' || step.kind === 'error' ? el('span', { class: 'badge error', text: 'error' }) : null;
  const item = el('li', { class: `step kind-${step.kind}`, 'data-kind': step.kind, 'data-index': step.index },
    el('header', {},
      el('strong', { text: `#${step.index}` }),
      el('span', { class: 'badge', text: LABELS[step.kind] || step.kind }),
      step.name && step.kind !== 'user_message' ? el('code', { text: step.name }) : null,
      status,
      el('span', { class: 'muted', text: meta.join(' · ') }),
      el('time', { class: 'muted', datetime: step.at || '', text: formatTime(step.at) })),
    el('div', { class: 'step-summary', text: summary(step) }));
  if (showPayload && step.payload) {
    item.append(el('details', {}, el('summary', { text: 'payload' }), json(step.payload)));
  }
  return item;
}

// Flattens a tree view (children arrays) into index order.
export function flatten(steps) {
  const out = [];
  const visit = (step) => {
    out.push(step);
    (step.children || []).forEach(visit);
  };
  steps.forEach(visit);
  return out.sort((a, b) => a.index - b.index);
}

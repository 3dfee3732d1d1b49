// Shared UI state and helpers. No top-level await here: views import this while app.js is still starting.
import { ApiError } from './api.js';
import { clear, el } from './dom.js';

export const session = { caller: null, role: null, mode: null };

export function showError(error) {
  const alerts = document.getElementById('alerts');
  // ApiError and problem-shaped objects carry title and detail; anything else is an unexpected failure.
  const title = error instanceof ApiError || error.title ? error.title : 'Something went wrong';
  const detail = error.detail !== undefined ? error.detail : String(error.message || error);
  const box = el('div', { class: 'alert' },
    el('strong', { text: title }), el('span', { text: ` ${detail}` }),
    el('button', { type: 'button', class: 'link', 'aria-label': 'Dismiss', onclick: () => box.remove() }, '×'));
  alerts.append(box);
}

export function clearErrors() {
  clear(document.getElementById('alerts'));
}

export function canWrite(role = 'operator') {
  const order = ['viewer', 'operator', 'admin'];
  return session.role !== null && order.indexOf(session.role) >= order.indexOf(role);
}


// mcpver web UI: hash routing, session, alerts. Views live in views/*.js and render into #view.
import { get, setToken, token } from './api.js';
import { clear, el } from './dom.js';
import { clearErrors, session, showError } from './ui.js';

const routes = [
  { pattern: /^#?\/?$/, view: 'home' },
  { pattern: /^#\/chat(?:\/([^/]+))?$/, view: 'chat' },
  { pattern: /^#\/traces(?:\/([^/]+))?$/, view: 'traces' },
  { pattern: /^#\/releases(?:\/([^/]+))?(?:\/versions\/([^/]+))?$/, view: 'releases' },
  { pattern: /^#\/experiments(?:\/([^/]+))?$/, view: 'experiments' },
];

async function refreshSession() {
  const who = document.getElementById('who');
  const button = document.getElementById('login-button');
  if (!token()) {
    session.caller = null;
    session.role = null;
    who.textContent = 'not signed in (read-only)';
    button.textContent = 'Sign in';
    return;
  }
  try {
    const me = await get('/api/v1/auth/whoami');
    session.caller = me.subject;
    session.role = String(me.role).toLowerCase();
    who.textContent = `${me.subject} · ${session.role}`;
    button.textContent = 'Sign out';
  } catch (error) {
    setToken(null);
    session.role = null;
    who.textContent = 'not signed in (read-only)';
    button.textContent = 'Sign in';
    showError(error);
  }
}

function wireLogin() {
  const dialog = document.getElementById('login-dialog');
  const input = document.getElementById('token-input');
  document.getElementById('login-button').addEventListener('click', async () => {
    if (token()) {
      setToken(null);
      await refreshSession();
      render();
      return;
    }
    input.value = '';
    dialog.showModal();
    input.focus();
  });
  document.getElementById('login-cancel').addEventListener('click', () => dialog.close());
  document.getElementById('login-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    setToken(input.value.trim());
    input.value = '';
    dialog.close();
    await refreshSession();
    render();
  });
}

async function loadVersion() {
  try {
    const version = await get('/api/v1/version');
    document.getElementById('version-line').textContent =
      `mcpver ${version.version} · ${version.database.vendor} schema ${version.database.schemaVersion}`;
  } catch (error) {
    showError(error);
  }
}

async function render() {
  const hash = location.hash || '#/';
  const route = routes.find((r) => r.pattern.test(hash)) || routes[0];
  const params = hash.match(route.pattern).slice(1).filter((p) => p !== undefined).map(decodeURIComponent);
  for (const link of document.querySelectorAll('[data-nav]')) {
    if (link.dataset.nav === route.view) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  const view = document.getElementById('view');
  clear(view);
  view.append(el('p', { class: 'muted', text: 'Loading…' }));
  try {
    const module = await import(`./views/${route.view}.js`);
    clear(view);
    await module.render(view, params);
  } catch (error) {
    clear(view);
    showError(error);
  }
  view.focus({ preventScroll: true });
}

wireLogin();
window.addEventListener('hashchange', () => {
  clearErrors(); // errors belong to the page they happened on
  render();
});
await refreshSession();
await loadVersion();
await render();

// Releases: servers and their versions in the lifecycle; a version's compatibility report against any other version
// of the same server, its signatures and gate reports, promotion (gates first, then confirm), and the server's
// deployments with rollback points and migrations (step progress live over server-sent events).
import { follow, get, post } from '../api.js';
import { clear, el, formatTime, json } from '../dom.js';

// Node.append would print null as text; el() skips it, so optional parts go through this.
const add = (node, ...children) => node.append(...children.flat().filter((c) => c !== null && c !== undefined && c !== false));
import { canWrite, session, showError } from '../ui.js';

const LEVELS = ['breaking', 'potentially_breaking', 'non_breaking'];
const CONSUMERS = ['wire', 'agent', 'operator'];
const ROLES = ['viewer', 'operator', 'admin'];

let streams = new AbortController(); // live migration streams of the page on screen
window.addEventListener('hashchange', () => streams.abort()); // leaving the page ends its streams

export async function render(view, [serverId, versionId]) {
  streams.abort();
  streams = new AbortController();
  const servers = await get('/api/v1/servers?limit=200');
  const detail = el('section', { 'aria-label': 'Release' });
  view.append(el('h1', { text: 'Releases' }), el('div', { class: 'split' }, sidebar(servers.items, serverId), detail));
  if (!serverId) {
    detail.append(el('p', { class: 'muted', text: servers.items.length ? 'Pick a server.' : 'No servers yet (POST /api/v1/servers, or mcpver servers create; mcpver serve --demo loads examples).' }));
    return;
  }
  const base = `/api/v1/servers/${encodeURIComponent(serverId)}`;
  const [server, versions] = await Promise.all([get(base), get(`${base}/versions?limit=200`)]);
  if (versionId) await showVersion(detail, server, versions.items, versionId);
  else await showServer(detail, server, versions.items);
}

function sidebar(items, current) {
  return el('nav', { class: 'panel', 'aria-label': 'Servers' },
    el('ul', { class: 'list' }, items.map((s) => el('li', {},
      el('a', { href: `#/releases/${encodeURIComponent(s.id)}`, 'aria-current': s.id === current ? 'true' : null },
        s.name, el('br'), el('small', { class: 'muted', text: s.category || s.owner }))))));
}

function versionHref(server, version) {
  return `#/releases/${encodeURIComponent(server.id)}/versions/${encodeURIComponent(version.id)}`;
}

function stageBadge(stage) {
  return el('span', { class: `badge stage ${stage}`, text: stage });
}

async function showServer(detail, server, versions) {
  add(detail,
    el('h2', { text: server.name }),
    el('p', { class: 'muted', text: `${server.description} · owner ${server.owner}${server.tags.length ? ` · ${server.tags.join(', ')}` : ''}` }),
    versions.length === 0 ? el('p', { class: 'muted', text: 'No versions registered yet.' }) : el('div', { class: 'table-wrap' }, el('table', { 'aria-label': 'Versions' },
      el('thead', {}, el('tr', {}, ['Version', 'Stage', 'Declared bump', 'Compatibility with the previous version', 'Registered'].map((h) => el('th', { scope: 'col', text: h })))),
      el('tbody', {}, versions.map((v) => el('tr', {},
        el('th', { scope: 'row' }, el('a', { href: versionHref(server, v), text: v.version })),
        el('td', {}, stageBadge(v.stage)),
        el('td', { text: v.declaredBump ? `${v.declaredBump} from ${v.previousVersion}` : '—' }),
        el('td', {}, compatCell(v)),
        el('td', { text: formatTime(v.createdAt) })))))));
  await deploymentsPanel(detail, server);
}

function compatCell(version) {
  const c = version.compat;
  if (!c) return el('span', { class: 'muted', text: version.previousVersion ? 'not judged (no surfaces)' : 'first version' });
  return el('span', {},
    c.underBumped ? el('span', { class: 'badge breaking', text: 'under-bumped' }) : el('span', { class: 'badge ok', text: 'ok' }),
    ` requires ${c.requiredBump}, declares ${c.declaredBump}`);
}

async function showVersion(detail, server, versions, versionId) {
  const version = await get(`/api/v1/versions/${encodeURIComponent(versionId)}`);
  add(detail,
    el('p', {}, el('a', { href: `#/releases/${encodeURIComponent(server.id)}`, text: `← ${server.name}` })),
    el('h2', {}, `${server.name} ${version.version} `, stageBadge(version.stage)),
    el('dl', { class: 'facts' },
      el('dt', { text: 'Artifact' }), el('dd', {}, el('code', { text: `${version.artifact.kind} ${version.artifact.location}` })),
      el('dt', { text: 'SHA-256' }), el('dd', {}, el('code', { class: 'hash', text: version.artifact.sha256 })),
      el('dt', { text: 'Changelog' }), el('dd', { text: version.changelog || '—' }),
      el('dt', { text: 'Registered' }), el('dd', { text: `${formatTime(version.createdAt)} by ${version.createdBy}` })),
    compatPanel(version, versions));
  const [signatures, reports, lifecycle] = await Promise.all([
    get(`/api/v1/versions/${encodeURIComponent(version.id)}/signatures/verify`),
    get(`/api/v1/versions/${encodeURIComponent(version.id)}/gates`),
    get('/api/v1/lifecycle')]);
  detail.append(signaturePanel(signatures), gateReportsPanel(reports.items), promotionPanel(version, lifecycle));
}

// ---- compatibility report ----

function compatPanel(version, versions) {
  const others = versions.filter((v) => v.id !== version.id);
  const panel = el('section', { class: 'panel', 'aria-labelledby': 'compat-title' }, el('h3', { id: 'compat-title', text: 'Compatibility report' }));
  if (others.length === 0) {
    panel.append(el('p', { class: 'muted', text: 'This is the only version of the server: nothing to compare with.' }));
    return panel;
  }
  const preferred = others.find((v) => v.version === version.previousVersion) || others[0];
  const against = el('select', { id: 'compat-against' }, others.map((v) => el('option', { value: v.id, selected: v.id === preferred.id, text: `${v.version} (${v.stage})` })));
  const renames = el('input', { id: 'compat-renames', type: 'text', placeholder: 'old_tool=new-tool, other=renamed' });
  const out = el('div', { class: 'compat-report', 'aria-live': 'polite' });
  const run = () => analyze(version, against.value, renames.value, out);
  against.addEventListener('change', run);
  const form = el('form', { class: 'row' },
    el('div', {}, el('label', { for: 'compat-against', text: 'Compare with version' }), against),
    el('div', {}, el('label', { for: 'compat-renames', text: 'Declared renames (optional)' }), renames),
    el('div', { class: 'shrink' }, el('button', { type: 'submit', class: 'secondary', text: 'Analyze' })));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    run();
  });
  panel.append(form, out);
  run();
  return panel;
}

// The older of the two is "old"; each surface carries its registry version so the declared bump is the registry's.
async function analyze(version, otherId, renameText, out) {
  clear(out).append(el('p', { class: 'muted', text: 'Analyzing…' }));
  try {
    const other = await get(`/api/v1/versions/${encodeURIComponent(otherId)}`);
    if (!version.surface || !other.surface) {
      clear(out).append(el('p', { class: 'muted', text: `No surface registered for ${version.surface ? other.version : version.version}: register versions with --surface to compare them.` }));
      return;
    }
    const [older, newer] = compareVersions(other.version, version.version) < 0 ? [other, version] : [version, other];
    const body = { old: withVersion(older), new: withVersion(newer) };
    const renames = parseRenames(renameText);
    if (Object.keys(renames).length) body.policy = { renames };
    const report = await post('/api/v1/compat/analyze', body);
    clear(out).append(reportView(report, older.version, newer.version));
  } catch (error) {
    clear(out);
    showError(error);
  }
}

function withVersion(version) {
  const surface = structuredClone(version.surface);
  surface.server = { ...(surface.server || {}), version: version.version };
  return surface;
}

function parseRenames(text) {
  const map = {};
  for (const pair of String(text || '').split(',')) {
    const [from, to] = pair.split('=').map((s) => s && s.trim());
    if (from && to) map[from] = to;
  }
  return map;
}

// Numeric SemVer order of the release part, then a version without prerelease above one with.
function compareVersions(a, b) {
  const parse = (v) => {
    const [core, pre] = v.split('+')[0].split('-');
    return { parts: core.split('.').map(Number), pre: pre !== undefined };
  };
  const x = parse(a);
  const y = parse(b);
  for (let i = 0; i < 3; i++) if (x.parts[i] !== y.parts[i]) return x.parts[i] - y.parts[i];
  return Number(y.pre) - Number(x.pre);
}

function reportView(report, from, to) {
  const groups = el('div', { class: 'groups' });
  const filter = el('input', { id: 'change-filter', type: 'search', placeholder: 'rule, target or message' });
  const groupBy = el('select', { id: 'change-group' }, el('option', { value: 'level', text: 'level' }), el('option', { value: 'consumer', text: 'consumer' }));
  const draw = () => drawGroups(groups, report.changes, groupBy.value, filter.value.trim().toLowerCase());
  filter.addEventListener('input', draw);
  groupBy.addEventListener('change', draw);
  draw();
  return el('div', {},
    el('p', { class: 'muted', text: `${from} → ${to}` }),
    report.underBumped ? underBumpWarning(report, from, to) : null,
    el('dl', { class: 'facts bump' },
      el('dt', { text: 'Required bump' }), el('dd', {}, el('strong', { class: 'required-bump', text: report.requiredBump })),
      el('dt', { text: 'Declared bump' }), el('dd', { class: 'declared-bump', text: report.declaredBump }),
      el('dt', { text: 'Compatibility' }), el('dd', { text: `${report.compatibilityLevel} (score ${report.compatibilityScore})` }),
      el('dt', { text: 'Migration complexity' }), el('dd', { text: report.migrationComplexity }),
      el('dt', { text: 'Changes' }), el('dd', {}, LEVELS.map((l) => el('span', { class: `badge ${l}`, text: `${report.counts[l] || 0} ${l.replace('_', ' ')}` })))),
    (report.recommendedActions || []).length ? el('ul', { class: 'actions-list' }, report.recommendedActions.map((a) => el('li', {}, el('strong', { text: `${a.kind}: ` }), a.message))) : null,
    (report.notes || []).map((n) => el('p', { class: 'hint', text: n })),
    renameTable(report.renames || {}),
    el('div', { class: 'row' },
      el('div', {}, el('label', { for: 'change-filter', text: 'Filter changes' }), filter),
      el('div', { class: 'shrink' }, el('label', { for: 'change-group', text: 'Group by' }), groupBy)),
    groups);
}

function underBumpWarning(report, from, to) {
  const suggestion = report.versions && report.versions.suggestedVersion ? ` Release it as ${report.versions.suggestedVersion} instead.` : '';
  return el('div', { class: 'warning', role: 'status' },
    el('strong', { text: 'Under-bumped: ' }),
    `${from} → ${to} declares a ${report.declaredBump} bump, but its changes require a ${report.requiredBump} bump.${suggestion}`);
}

function renameTable(renames) {
  const entries = Object.entries(renames);
  if (entries.length === 0) return el('p', { class: 'muted', text: 'No renames detected.' });
  return el('div', { class: 'table-wrap' }, el('table', { 'aria-label': 'Renames' },
    el('caption', { text: 'Rename map' }),
    el('thead', {}, el('tr', {}, el('th', { scope: 'col', text: 'Old name' }), el('th', { scope: 'col', text: 'New name' }))),
    el('tbody', {}, entries.map(([from, to]) => el('tr', {}, el('td', {}, el('code', { text: from })), el('td', {}, el('code', { text: to })))))));
}

function drawGroups(groups, changes, by, needle) {
  clear(groups);
  const order = by === 'level' ? LEVELS : CONSUMERS;
  const shown = changes.filter((c) => !needle || `${c.ruleId} ${c.target} ${c.message}`.toLowerCase().includes(needle));
  for (const key of order) {
    const members = shown.filter((c) => c[by] === key);
    if (members.length === 0) continue;
    groups.append(el('section', { class: `change-group ${key}`, 'aria-label': `${key} changes` },
      el('h4', {}, el('span', { class: `badge ${key}`, text: key.replace('_', ' ') }), ` ${members.length} change${members.length === 1 ? '' : 's'}`),
      el('ul', { class: 'changes' }, members.map((c) => changeItem(c, by)))));
  }
  if (shown.length === 0) groups.append(el('p', { class: 'muted', text: changes.length ? 'No change matches the filter.' : 'The surfaces are equivalent: no changes.' }));
}

function changeItem(change, by) {
  const other = by === 'level' ? change.consumer : change.level;
  return el('li', { class: 'change', 'data-rule': change.ruleId },
    el('div', {}, el('code', { text: change.target }), ' ', el('span', { class: `badge ${other}`, text: other.replace('_', ' ') }), ' ',
      el('span', { class: 'muted', text: `${change.ruleId} · ${change.bump}` })),
    el('div', { text: change.message }),
    change.before === undefined && change.after === undefined ? null : el('details', {}, el('summary', { text: 'before / after' }),
      el('div', { class: 'diff' }, el('div', {}, el('strong', { text: 'before' }), json(change.before ?? null)), el('div', {}, el('strong', { text: 'after' }), json(change.after ?? null)))));
}

// ---- signatures and gates ----

function signaturePanel(check) {
  return el('section', { class: 'panel', 'aria-labelledby': 'signature-title' },
    el('h3', { id: 'signature-title' }, 'Signature ', el('span', { class: `badge ${check.valid ? 'ok' : 'error'}`, text: check.valid ? 'valid' : 'not valid' })),
    el('p', { class: 'muted' }, 'Manifest SHA-256 ', el('code', { class: 'hash', text: check.manifestSha256 })),
    check.signatures.length === 0 ? el('p', { text: 'No signature attached (mcpver versions sign).' })
      : el('ul', {}, check.signatures.map((s) => el('li', {}, el('code', { text: s.keyId }), ' ',
        el('span', { class: `badge ${s.valid ? 'ok' : 'error'}`, text: s.valid ? 'verifies' : (s.reason || 'does not verify') }),
        s.signedAt ? ` · ${formatTime(s.signedAt)}` : ''))));
}

function gateTable(report) {
  return el('div', { class: 'table-wrap' }, el('table', { class: 'gates', 'aria-label': `Gates for ${report.target}` },
    el('thead', {}, el('tr', {}, ['Gate', 'Verdict', 'Weight', 'Detail'].map((h) => el('th', { scope: 'col', text: h })))),
    el('tbody', {}, report.results.map((r) => el('tr', { 'data-gate': r.gate },
      el('th', { scope: 'row', text: r.gate }),
      el('td', {}, el('span', { class: `badge ${r.verdict === 'pass' ? 'ok' : r.verdict}`, text: r.verdict })),
      el('td', { text: String(r.weight) }),
      el('td', { text: r.detail }))))));
}

function reportSummary(report) {
  return el('p', {}, el('span', { class: `badge ${report.passed ? 'passed' : 'failed'}`, text: report.passed ? 'gates pass' : 'gates fail' }),
    ` security score ${report.score} · target ${report.target} · ${formatTime(report.evaluatedAt)}`);
}

function gateReportsPanel(items) {
  const latest = items[items.length - 1];
  return el('section', { class: 'panel', 'aria-labelledby': 'gates-title' },
    el('h3', { id: 'gates-title', text: 'Gate report' }),
    latest ? [reportSummary(latest.report), gateTable(latest.report),
      items.length > 1 ? el('p', { class: 'hint', text: `${items.length} reports stored; the latest is shown.` }) : null]
      : el('p', { class: 'muted', text: 'No stored gate report: gates run when the version enters production.' }));
}

// ---- promotion: gate results first, then an explicit confirmation ----

function promotionPanel(version, lifecycle) {
  const panel = el('section', { class: 'panel', 'aria-labelledby': 'promote-title' }, el('h3', { id: 'promote-title', text: 'Move to another stage' }));
  const moves = lifecycle.transitions.filter((t) => t.from === version.stage);
  if (moves.length === 0) {
    panel.append(el('p', { class: 'muted', text: `${version.stage} is final.` }));
    return panel;
  }
  if (!canWrite('operator')) {
    panel.append(el('p', { class: 'hint', text: `Allowed next stages: ${moves.map((t) => t.to).join(', ')}. Sign in as an operator to move this version.` }));
    return panel;
  }
  const mine = moves.filter((t) => ROLES.indexOf(session.role) >= ROLES.indexOf(t.role));
  const target = el('select', { id: 'promote-target' }, mine.map((t) => el('option', { value: t.to, text: `${t.to}${t.gated ? ' (gated)' : ''}` })));
  const out = el('div', { class: 'promotion', 'aria-live': 'polite' });
  const form = el('form', { class: 'row' },
    el('div', {}, el('label', { for: 'promote-target', text: 'Target stage' }), target),
    el('div', { class: 'shrink' }, el('button', { type: 'submit', text: 'Check gates' })));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    preview(version, mine.find((t) => t.to === target.value), out);
  });
  const others = moves.filter((t) => !mine.includes(t));
  add(panel, mine.length ? form : null, others.length ? el('p', { class: 'hint', text: `Needs a higher role: ${others.map((t) => `${t.to} (${t.role})`).join(', ')}.` }) : null, out);
  return panel;
}

async function preview(version, move, out) {
  clear(out);
  try {
    const report = await post(`/api/v1/versions/${encodeURIComponent(version.id)}/gates/check?target=${encodeURIComponent(move.to)}`);
    const blocked = move.gated && !report.passed;
    add(out,
      el('h4', { text: `Gate results for ${version.version} → ${move.to} (preview, nothing stored)` }),
      reportSummary(report),
      gateTable(report),
      el('p', { class: 'hint', text: move.gated ? 'This move is gated: the gates run again when you confirm, and a failing gate refuses it.' : 'This move is not gated: the results are for information.' }),
      blocked ? el('p', { class: 'warning', role: 'status', text: `Promotion to ${move.to} would be refused: ${report.results.filter((r) => r.verdict === 'fail').map((r) => r.gate).join(', ')} failed.` }) : null,
      el('div', { class: 'actions' },
        el('button', { type: 'button', class: 'secondary', onclick: () => clear(out), text: 'Cancel' }),
        el('button', { type: 'button', class: blocked ? 'danger' : null, onclick: () => confirmMove(version, move, out), text: `Confirm move to ${move.to}` })));
  } catch (error) {
    showError(error);
  }
}

async function confirmMove(version, move, out) {
  try {
    await post(`/api/v1/versions/${encodeURIComponent(version.id)}/transition`, { to: move.to, expectedRevision: version.revision });
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  } catch (error) {
    showError(error);
    if (error.problem && error.problem.report) out.append(el('h4', { text: 'Report of the refused move' }), gateTable(error.problem.report));
  }
}

// ---- deployments: rollback points and migrations ----

async function deploymentsPanel(detail, server) {
  const all = await get('/api/v1/deployments');
  const mine = (all.deployments || []).filter((d) => d.server === server.name);
  const panel = el('section', { class: 'panel', 'aria-labelledby': 'deployments-title' }, el('h3', { id: 'deployments-title', text: 'Deployments' }));
  detail.append(panel);
  if (mine.length === 0) {
    panel.append(el('p', { class: 'muted', text: `No deployment of ${server.name} (mcpver deploy register).` }));
    return;
  }
  for (const d of mine) panel.append(await deploymentView(d));
}

async function deploymentView(d) {
  const query = `?deployment=${encodeURIComponent(d.deployment)}`;
  const [points, migrations] = await Promise.all([get(`/api/v1/rollback/points${query}`), get(`/api/v1/migrations${query}`)]);
  return el('article', { class: 'deployment', 'aria-label': `Deployment ${d.deployment}` },
    el('h4', {}, el('code', { text: d.deployment }), ` runs ${d.version || 'nothing yet'}`),
    el('h5', { text: 'Rollback points' }),
    points.points.length === 0 ? el('p', { class: 'muted', text: 'None.' }) : el('div', { class: 'table-wrap' }, el('table', { 'aria-label': `Rollback points of ${d.deployment}` },
      el('thead', {}, el('tr', {}, ['Version', 'Created', 'Files', 'Description', 'Expires'].map((h) => el('th', { scope: 'col', text: h })))),
      el('tbody', {}, points.points.map((p) => el('tr', {},
        el('th', { scope: 'row', text: p.version }), el('td', { text: formatTime(p.createdAt) }),
        el('td', { text: `${p.files} (${p.bytes} bytes)` }), el('td', { text: p.description || '—' }), el('td', { text: formatTime(p.expiresAt) || 'never' })))))),
    el('h5', { text: 'Migrations' }),
    migrations.migrations.length === 0 ? el('p', { class: 'muted', text: 'None.' }) : el('ul', { class: 'list migrations' }, migrations.migrations.map(migrationItem)));
}

function migrationItem(m) {
  const steps = el('ol', { class: 'migration-steps', 'aria-label': `Steps of migration ${m.id}` });
  const bar = el('progress', { max: 1, value: 0, 'aria-label': `Progress of migration ${m.id}` });
  const status = el('span', { class: `badge ${m.status}`, text: m.status });
  const item = el('li', { class: 'migration', 'data-id': m.id },
    el('div', {}, el('strong', { text: `${m.fromVersion || '∅'} → ${m.toVersion}` }), ' ', status, m.dryRun ? ' (dry run)' : '', ' ',
      el('span', { class: 'muted', text: `${formatTime(m.createdAt)} by ${m.by}` })),
    bar, steps);
  if (m.cause) item.append(el('p', { class: 'hint', text: m.cause }));
  watch(m, { steps, bar, status });
  return item;
}

// Replays the stored events and follows live ones until the migration finishes (the server closes the stream).
function watch(m, view) {
  const byIndex = new Map();
  follow(`/api/v1/migrations/${encodeURIComponent(m.id)}/events`, (name, event) => {
    if (!event || !event.data) return;
    if (name.startsWith('step.')) showStep(view, byIndex, event.data);
    else if (name === 'migration.finished' || name === 'migration.rolling_back') {
      const next = event.data.status || (name === 'migration.rolling_back' ? 'rolling_back' : view.status.textContent);
      view.status.className = `badge ${next}`;
      view.status.textContent = next;
    }
  }, streams.signal).catch((error) => {
    if (error.name !== 'AbortError') showError(error);
  });
}

function showStep(view, byIndex, data) {
  const index = Number(data.index);
  const total = Number(data.total) || 1;
  const text = `${data.phase} · ${data.kind}: ${data.status}${data.durationMs ? ` (${data.durationMs} ms)` : ''}${data.error ? ` — ${data.error}` : ''}`;
  let item = byIndex.get(`${data.phase}/${index}`);
  if (!item) {
    item = el('li', { class: 'migration-step', 'data-status': data.status });
    byIndex.set(`${data.phase}/${index}`, item);
    view.steps.append(item);
  }
  item.dataset.status = data.status;
  item.dataset.phase = data.phase;
  item.textContent = text;
  const done = [...byIndex.values()].filter((i) => i.dataset.phase !== 'rollback' && i.dataset.status !== 'running').length;
  view.bar.value = Math.min(1, done / total);
}

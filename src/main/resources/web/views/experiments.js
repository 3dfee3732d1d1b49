// Experiments: per metric a forest plot of relative lift (CI per treatment), the sequential p over time, SRM status,
// samples against the minimum, the decision with its reasons, and the recommendation beside its statistics.
import { get, post } from '../api.js';
import { forestPlot, lineChart, progressBar } from '../charts.js';
import { el, number } from '../dom.js';
import { showError } from '../ui.js';

export async function render(view, [experimentId]) {
  const list = await get('/api/v1/experiments');
  const items = Array.isArray(list) ? list : (list.experiments || []);
  const detail = el('section', { 'aria-label': 'Experiment' });
  view.append(el('h1', { text: 'Experiments' }), el('div', { class: 'split' }, sidebar(items, experimentId), detail));
  if (experimentId) await showExperiment(detail, experimentId);
  else detail.append(el('p', { class: 'muted', text: items.length ? 'Pick an experiment.' : 'No experiments yet (POST /api/v1/experiments, or mcpver experiments create).' }));
}

function sidebar(items, current) {
  return el('nav', { class: 'panel', 'aria-label': 'Experiments list' },
    el('ul', { class: 'list' }, items.map((e) => el('li', {},
      el('a', { href: `#/experiments/${encodeURIComponent(e.id)}`, 'aria-current': e.id === current ? 'true' : null },
        e.name, ' ', el('span', { class: `badge ${e.status}`, text: e.status }))))));
}

async function showExperiment(detail, id) {
  const base = `/api/v1/experiments/${encodeURIComponent(id)}`;
  const [experiment, analysis, sequential] = await Promise.all([get(base), get(`${base}/analysis`), get(`${base}/sequential`)]);
  const min = experiment.minSamplesPerVariant ?? experiment.definition?.minSamplesPerVariant ?? 100;
  detail.append(
    el('h2', { text: experiment.name || id }),
    decisionPanel(analysis),
    srmPanel(analysis, min),
    ...analysis.metrics.map((metric) => metricPanel(metric, sequential, analysis.alpha)),
    recommendationPanel(base, analysis));
}

function decisionPanel(analysis) {
  const d = analysis.decision;
  return el('div', { class: 'panel', 'aria-label': 'Decision' },
    el('p', { class: `decision ${d.action}` }, `Decision: ${d.action}`, d.winner ? ` (winner ${d.winner})` : ''),
    el('p', { class: 'muted' }, 'Reasons: ', d.reasons.join(', ') || '—', ` · status ${analysis.status} · α = ${analysis.alpha}`));
}

function srmPanel(analysis, min) {
  const srm = analysis.srm;
  const rows = Object.entries(srm.counts).map(([key, count]) => el('tr', {},
    el('th', { scope: 'row', text: key }),
    el('td', { text: String(count) }),
    el('td', { text: `${(srm.expected[key] * 100).toFixed(1)}%` }),
    el('td', {}, progressBar(count, min, `${key} samples against the minimum of ${min}`), ` ${count}/${min}`)));
  return el('div', { class: 'panel', 'aria-label': 'Sample ratio' },
    el('h3', {}, 'Sample ratio ', el('span', { class: `badge ${srm.mismatch ? 'error' : 'ok'}`, text: srm.mismatch ? 'mismatch' : 'ok' })),
    el('p', { class: 'muted', text: `χ² = ${number(srm.chi2)}, df = ${srm.df}, p = ${number(srm.pValue)}` }),
    el('div', { class: 'table-wrap' }, el('table', {},
      el('thead', {}, el('tr', {}, ['Variant', 'Samples', 'Expected share', 'Against the minimum'].map((h) => el('th', { scope: 'col', text: h })))),
      el('tbody', {}, rows))));
}

function verdict(comparison, direction) {
  if (!comparison.significant || comparison.diff === null) return 'neutral';
  const better = direction === 'higher_is_better' ? comparison.diff > 0 : comparison.diff < 0;
  return better ? 'better' : 'worse';
}

function metricPanel(metric, sequential, alpha) {
  const rows = metric.comparisons.map((c) => ({
    label: `${c.treatment} vs ${c.control}`, estimate: c.relativeLift, low: c.liftCiLow, high: c.liftCiHigh, verdict: verdict(c, metric.direction),
  }));
  const series = (sequential.series || []).filter((s) => s.metric === metric.name).map((s) => ({
    label: s.treatment, points: s.points.map((p) => ({ x: p.observations, y: p.pValue })),
  }));
  return el('article', { class: 'panel', 'aria-label': `Metric ${metric.name}` },
    el('h3', {}, `${metric.name} `, el('span', { class: 'badge', text: metric.role }), ' ',
      el('span', { class: 'muted', text: `${metric.kind}, ${metric.direction.replaceAll('_', ' ')}` })),
    forestPlot(rows, { title: `Relative lift of ${metric.name} (${Math.round((1 - alpha) * 100)}% CI)` }),
    series.length ? lineChart(series, { title: 'Sequential p-value (always valid) by observations', logY: true, threshold: alpha, xLabel: 'observations' }) : el('p', { class: 'muted', text: 'No sequential history yet.' }),
    comparisonTable(metric));
}

function comparisonTable(metric) {
  const head = ['Treatment', 'Mean (control → treatment)', 'Diff [CI]', 'Lift [CI]', 'p', 'p adj.', 'Sequential p', 'Warnings'];
  const means = Object.fromEntries(metric.variants.map((v) => [v.key, v]));
  return el('div', { class: 'table-wrap' }, el('table', {},
    el('thead', {}, el('tr', {}, head.map((h) => el('th', { scope: 'col', text: h })))),
    el('tbody', {}, metric.comparisons.map((c) => el('tr', {},
      el('th', { scope: 'row', text: c.treatment }),
      el('td', { text: `${number(means[c.control]?.mean)} → ${number(means[c.treatment]?.mean)}` }),
      el('td', { text: `${number(c.diff)} [${number(c.ciLow)}, ${number(c.ciHigh)}]` }),
      el('td', { text: c.relativeLift === null ? '—' : `${number(c.relativeLift * 100, 1)}% [${number(c.liftCiLow === null ? null : c.liftCiLow * 100, 1)}, ${number(c.liftCiHigh === null ? null : c.liftCiHigh * 100, 1)}]` }),
      el('td', { text: number(c.pValue) }),
      el('td', { text: number(c.pValueAdjusted) }),
      el('td', { text: number(c.sequential?.pValue) }),
      el('td', { text: (c.warnings || []).join(', ') || '—' }))))));
}

function recommendationPanel(base, analysis) {
  const out = el('div', { class: 'recommendation' });
  const button = el('button', { type: 'button', class: 'secondary', text: 'Write recommendation' });
  button.addEventListener('click', async () => {
    button.disabled = true;
    try {
      const r = await post(`${base}/recommendation`, {});
      out.replaceChildren(
        el('div', { class: 'answer', text: r.narrative || r.text || '' }),
        el('p', { class: 'hint' }, `Action ${r.decision?.action ?? analysis.decision.action} (from the statistics) · narrative ${r.resolution || ''}`,
          r.writer ? ` · written by ${r.writer}` : ''));
    } catch (error) {
      showError(error);
    } finally {
      button.disabled = false;
    }
  });
  return el('div', { class: 'panel', 'aria-label': 'Recommendation' },
    el('h3', { text: 'Recommendation' }),
    el('p', { class: 'muted', text: 'The narrative is written by the agent (or the offline template); the action always comes from the statistics above.' }),
    button, out);
}

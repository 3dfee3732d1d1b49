// Charts drawn as SVG by hand: a forest plot of lifts with confidence intervals, and a line chart.
// No library and no network: the UI works offline (ADR 0070).
const NS = 'http://www.w3.org/2000/svg';

function svg(tag, attributes = {}, text) {
  const node = document.createElementNS(NS, tag);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, String(value));
  if (text !== undefined) node.textContent = text;
  return node;
}

function niceExtent(values) {
  const finite = values.filter((v) => typeof v === 'number' && Number.isFinite(v));
  if (finite.length === 0) return [-1, 1];
  let low = Math.min(0, ...finite);
  let high = Math.max(0, ...finite);
  if (low === high) { low -= 1; high += 1; }
  const pad = (high - low) * 0.08;
  return [low - pad, high + pad];
}

function percent(value) {
  return `${(value * 100).toFixed(Math.abs(value) < 0.1 ? 1 : 0)}%`;
}

// rows: [{label, estimate, low, high, verdict: 'better'|'worse'|'neutral'}]; values are relative lifts.
export function forestPlot(rows, { title = 'Relative lift', width = 560 } = {}) {
  const rowHeight = 34;
  const left = 130;
  const right = 24;
  const top = 28;
  const height = top + rows.length * rowHeight + 34;
  const [min, max] = niceExtent(rows.flatMap((r) => [r.low, r.high, r.estimate]));
  const x = (v) => left + ((v - min) / (max - min)) * (width - left - right);
  const root = svg('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', class: 'chart forest', width: '100%' });
  root.append(svg('title', {}, `${title}: ${rows.map((r) => `${r.label} ${r.estimate === null ? 'undefined' : percent(r.estimate)}`).join(', ')}`));
  root.append(svg('text', { x: left, y: 16, class: 'chart-title' }, title));
  root.append(svg('line', { x1: x(0), x2: x(0), y1: top - 6, y2: height - 28, class: 'zero' }));
  rows.forEach((row, i) => {
    const y = top + i * rowHeight + rowHeight / 2;
    root.append(svg('text', { x: left - 10, y: y + 4, 'text-anchor': 'end', class: 'label' }, row.label));
    if (row.estimate === null || row.estimate === undefined) {
      root.append(svg('text', { x: x(0) + 6, y: y + 4, class: 'muted' }, 'undefined'));
      return;
    }
    const cls = `ci ${row.verdict || 'neutral'}`;
    if (row.low !== null && row.high !== null && row.low !== undefined && row.high !== undefined) {
      root.append(svg('line', { x1: x(row.low), x2: x(row.high), y1: y, y2: y, class: cls }));
      root.append(svg('line', { x1: x(row.low), x2: x(row.low), y1: y - 6, y2: y + 6, class: cls }));
      root.append(svg('line', { x1: x(row.high), x2: x(row.high), y1: y - 6, y2: y + 6, class: cls }));
    }
    root.append(svg('rect', { x: x(row.estimate) - 5, y: y - 5, width: 10, height: 10, class: `point ${row.verdict || 'neutral'}` }));
  });
  const axisY = height - 12;
  // Label the ends and zero; drop a label that would collide with its neighbour.
  const ticks = [min, max];
  if (Math.min(Math.abs(x(0) - x(min)), Math.abs(x(max) - x(0))) > 48) ticks.push(0);
  ticks.forEach((tick) => {
    const anchor = tick === min ? 'start' : tick === max ? 'end' : 'middle';
    root.append(svg('text', { x: x(tick), y: axisY, 'text-anchor': anchor, class: 'tick' }, percent(tick)));
  });
  return root;
}

// series: [{label, points: [{x, y}]}]; optional threshold line (e.g. alpha).
export function lineChart(series, { title = '', width = 560, height = 220, logY = false, threshold, xLabel = '' } = {}) {
  const left = 56;
  const right = 16;
  const top = 26;
  const bottom = 36;
  const all = series.flatMap((s) => s.points).filter((p) => Number.isFinite(p.y) && (!logY || p.y > 0));
  const xs = all.map((p) => p.x);
  const ys = all.map((p) => (logY ? Math.log10(p.y) : p.y));
  if (threshold !== undefined) ys.push(logY ? Math.log10(threshold) : threshold);
  const xMin = xs.length ? Math.min(...xs) : 0;
  const xMax = xs.length ? Math.max(...xs) : 1;
  let yMin = ys.length ? Math.min(...ys) : 0;
  let yMax = ys.length ? Math.max(...ys) : 1;
  if (yMin === yMax) { yMin -= 1; yMax += 1; }
  const px = (v) => left + ((v - xMin) / (xMax - xMin || 1)) * (width - left - right);
  const py = (v) => top + (1 - ((logY ? Math.log10(v) : v) - yMin) / (yMax - yMin)) * (height - top - bottom);
  const root = svg('svg', { viewBox: `0 0 ${width} ${height}`, role: 'img', class: 'chart line', width: '100%' });
  root.append(svg('title', {}, title || 'chart'));
  if (title) root.append(svg('text', { x: left, y: 16, class: 'chart-title' }, title));
  root.append(svg('line', { x1: left, x2: left, y1: top, y2: height - bottom, class: 'axis' }));
  root.append(svg('line', { x1: left, x2: width - right, y1: height - bottom, y2: height - bottom, class: 'axis' }));
  if (threshold !== undefined) {
    root.append(svg('line', { x1: left, x2: width - right, y1: py(threshold), y2: py(threshold), class: 'threshold' }));
    root.append(svg('text', { x: width - right, y: py(threshold) - 4, 'text-anchor': 'end', class: 'tick' }, `α = ${threshold}`));
  }
  series.forEach((s, i) => {
    const points = s.points.filter((p) => Number.isFinite(p.y) && (!logY || p.y > 0));
    if (points.length === 0) return;
    const d = points.map((p, j) => `${j ? 'L' : 'M'}${px(p.x).toFixed(1)},${py(p.y).toFixed(1)}`).join(' ');
    root.append(svg('path', { d, class: `series s${i % 4}` }));
    points.forEach((p) => root.append(svg('circle', { cx: px(p.x), cy: py(p.y), r: 2.5, class: `dot s${i % 4}` })));
    const last = points[points.length - 1];
    root.append(svg('text', { x: px(last.x) - 4, y: py(last.y) - 6, 'text-anchor': 'end', class: `legend s${i % 4}` }, s.label));
  });
  const fmt = (v) => (logY ? `1e${Math.round(v)}` : Number(v.toPrecision(2)).toString());
  root.append(svg('text', { x: left - 6, y: top + 4, 'text-anchor': 'end', class: 'tick' }, fmt(yMax)));
  root.append(svg('text', { x: left - 6, y: height - bottom, 'text-anchor': 'end', class: 'tick' }, fmt(yMin)));
  root.append(svg('text', { x: left, y: height - 10, class: 'tick' }, String(xMin)));
  root.append(svg('text', { x: width - right, y: height - 10, 'text-anchor': 'end', class: 'tick' }, `${xMax} ${xLabel}`));
  return root;
}

// A horizontal bar of a count against a target (sample size against the minimum).
export function progressBar(value, target, label) {
  const width = 240;
  const share = target > 0 ? Math.min(1, value / target) : 1;
  const root = svg('svg', { viewBox: `0 0 ${width} 18`, role: 'img', class: 'chart bar', width });
  root.append(svg('title', {}, `${label}: ${value} of ${target}`));
  root.append(svg('rect', { x: 0, y: 3, width, height: 12, class: 'track' }));
  root.append(svg('rect', { x: 0, y: 3, width: width * share, height: 12, class: share >= 1 ? 'fill done' : 'fill' }));
  return root;
}

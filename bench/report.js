'use strict';
// The table and the summary of targets met.

function fmtMs(ms) {
  if (ms === undefined || ms === null) return 'n/a';
  if (ms < 1e-3) return `${(ms * 1e6).toFixed(ms < 1e-5 ? 2 : 0)} ns`;
  if (ms < 1) return `${(ms * 1e3).toFixed(ms < 0.01 ? 2 : 1)} µs`;
  if (ms < 1000) return `${ms.toFixed(ms < 10 ? 2 : 1)} ms`;
  return `${(ms / 1e3).toFixed(2)} s`;
}

function cell(st) {
  if (!st) return 'n/a';
  return `${fmtMs(st.median)} (${fmtMs(st.min)}–${fmtMs(st.max)})`;
}

/** Adds ratio {base, np} (time ratios lib/ref) and met (true/false/null) to each row. */
function judge(r) {
  r.ratio = {
    base: r.base ? r.lib.median / r.base.median : null,
    np: r.np ? r.lib.median / r.np.median : null,
  };
  r.met = null;
  r.targetText = '';
  const t = r.target;
  if (!t) return;
  const ratio = r.ratio[t.ref];
  const who = t.ref === 'np' ? 'NumPy' : 'base';
  if (t.time !== undefined) {
    r.targetText = `time ≤ ${t.time}× ${who}`;
    if (ratio !== null) r.met = ratio <= t.time;
  } else {
    r.targetText = `speed ≥ ${t.speed}× ${who}`;
    if (ratio !== null) r.met = 1 / ratio >= t.speed;
  }
  r.achieved = ratio === null ? null : t.time !== undefined ? ratio : 1 / ratio;
}

function pad(s, n) {
  s = String(s);
  return s.length >= n ? s : s + ' '.repeat(n - s.length);
}

function printTable(rows) {
  for (const r of rows) judge(r);
  const head = ['workload', 'library', 'baseline (raw JS)', 'numpy', 'lib/base', 'lib/np', 'target', 'met?'];
  const body = rows.map((r) => [
    `${r.id} ${r.name}${r.unit ? ` [${r.unit}]` : ''}`,
    cell(r.lib),
    cell(r.base),
    cell(r.np),
    r.ratio.base === null ? 'n/a' : `${r.ratio.base.toFixed(2)}×`,
    r.ratio.np === null ? 'n/a' : `${r.ratio.np.toFixed(2)}×`,
    r.targetText ? `${r.targetText}${r.achieved === null ? '' : ` (${r.achieved.toFixed(2)})`}` : '—',
    r.met === null ? (r.target ? 'n/a' : '') : r.met ? 'yes' : 'NO',
  ]);
  const widths = head.map((x, i) => Math.max(x.length, ...body.map((b) => b[i].length)));
  const line = (cols) => cols.map((c, i) => pad(c, widths[i])).join(' | ');
  console.log('');
  console.log(line(head));
  console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
  for (const b of body) console.log(line(b));
  const notes = rows.filter((r) => r.note);
  if (notes.length) {
    console.log('');
    for (const r of notes) console.log(`  ${r.id} ${r.name}: ${r.note}`);
  }
}

function summary(rows) {
  const judged = rows.filter((r) => r.target);
  const met = judged.filter((r) => r.met === true);
  const missed = judged.filter((r) => r.met === false);
  const unknown = judged.filter((r) => r.met === null);
  console.log('');
  console.log(`targets met: ${met.length}/${judged.length}${unknown.length ? ` (${unknown.length} not measurable here)` : ''}`);
  for (const r of missed) console.log(`  NOT met: ${r.id} ${r.name} — ${r.targetText}, got ${r.achieved.toFixed(2)}`);
  return {
    met: met.map((r) => `${r.id} ${r.name}`),
    missed: missed.map((r) => `${r.id} ${r.name}`),
    unknown: unknown.map((r) => `${r.id} ${r.name}`),
  };
}

module.exports = { printTable, summary, fmtMs };

#!/usr/bin/env node
// Runs the differential fuzzer over many seeds and groups what diverges from NumPy:
//
//   node test/fuzz/cli.js --seeds 1000 [--from 0] [--batch 250] [--show 2] [--json out.json]
//   node test/fuzz/cli.js --seed 1234          one program, its NumPy answer and the difference
//   node test/fuzz/cli.js --add 1234 --name 'what it pins down'
//                                              appends that program and NumPy's answer to
//                                              test/fuzz/regressions.json (replayed without NumPy)
//
// It loads the TypeScript sources of lib/ and test/fuzz/ directly (TypeScript's
// transpileModule, as jest does; the addon comes from build/), so no dist/ is needed.
'use strict';
const fs = require('fs');
const ts = require('typescript');

require.extensions['.ts'] = (module, filename) => {
  const src = fs.readFileSync(filename, 'utf8');
  const out = ts.transpileModule(src, { fileName: filename, compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true } });
  module._compile(out.outputText, filename);
};

function parseArgs(argv) {
  const o = { seeds: 100, from: 0, batch: 250, show: 2, json: null, seed: null, add: null, name: null };
  for (let i = 0; i < argv.length; i++) {
    const k = argv[i].replace(/^--/, '');
    if (!(k in o)) throw new Error(`unknown option ${argv[i]}: use --seeds N --from S --batch B --show K --json FILE --seed S`);
    o[k] = k === 'json' || k === 'name' ? argv[++i] : Number(argv[++i]);
  }
  return o;
}

function main() {
  const o = parseArgs(process.argv.slice(2));
  const { fuzzSeeds, askNumpy, compare } = require('./differ.ts');
  const { generate } = require('./program.ts');
  if (o.add !== null) {
    if (!o.name) throw new Error('--add needs --name');
    const file = require('path').join(__dirname, 'regressions.json');
    const p = generate(o.add);
    const { numpy, expects } = askNumpy([p]);
    const all = JSON.parse(fs.readFileSync(file, 'utf8'));
    all.push({ ...p, id: `fuzz/${o.add}: ${o.name}`, numpy, expect: expects[0] });
    fs.writeFileSync(file, `[\n${all.map((c) => JSON.stringify(c)).join(',\n')}\n]\n`);
    console.log(`added seed ${o.add} (${all.length} regressions)`);
    return;
  }
  if (o.seed !== null) {
    const p = generate(o.seed);
    const { expects } = askNumpy([p]);
    console.log(JSON.stringify({ ...p, expect: expects[0] }, null, 1));
    const d = compare(o.seed, p, expects[0]);
    console.log(d === null ? 'agrees with NumPy' : `DIVERGES: ${d.kind}\n${d.detail}`);
    return;
  }
  const groups = new Map();
  let numpy = '';
  const unpinned = new Map();
  const t0 = Date.now();
  for (let s = o.from; s < o.from + o.seeds; s += o.batch) {
    const seeds = [];
    for (let k = s; k < Math.min(s + o.batch, o.from + o.seeds); k++) seeds.push(k);
    const r = fuzzSeeds(seeds);
    numpy = r.numpy;
    for (const d of r.unpinned) {
      if (!unpinned.has(d.kind)) unpinned.set(d.kind, []);
      unpinned.get(d.kind).push(d.seed);
    }
    for (const d of r.divergences) {
      if (!groups.has(d.kind)) groups.set(d.kind, []);
      groups.get(d.kind).push(d);
    }
    process.stderr.write(`seeds ${seeds[0]}..${seeds[seeds.length - 1]}: ${r.divergences.length} diverge, ${r.unpinned.length} unpinned\n`);
  }
  const all = [...groups.values()].flat();
  const sorted = [...groups.entries()].sort((a, b) => b[1].length - a[1].length);
  for (const [kind, ds] of sorted) {
    console.log(`\n${ds.length} × ${kind}   seeds ${ds.slice(0, 8).map((d) => d.seed).join(' ')}`);
    for (const d of ds.slice(0, o.show)) {
      console.log(`  seed ${d.seed}: ops ${JSON.stringify(d.program.ops).slice(0, 400)}`);
      console.log(`    source ${JSON.stringify(d.program.source)}`);
      console.log(`    ${d.detail.slice(0, 600).replace(/\n/g, '\n    ')}`);
    }
  }
  const apart = [...unpinned.entries()].map(([k, seeds]) => `${seeds.length} × ${k} (seeds ${seeds.slice(0, 8).join(' ')})`);
  console.log(`\nnot divergences, NumPy has no one answer there:${apart.length ? '\n  ' + apart.join('\n  ') : ' none'}`);
  console.log(`\nseeds ${o.from}..${o.from + o.seeds - 1} (numpy ${numpy}): ${all.length} diverge in ${groups.size} kinds; ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  if (o.json) fs.writeFileSync(o.json, JSON.stringify(all, null, 1));
  process.exitCode = all.length ? 1 : 0;
}

main();

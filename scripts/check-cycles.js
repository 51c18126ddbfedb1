#!/usr/bin/env node
'use strict';
// Fails (exit 1) when the runtime imports between lib/ modules form a cycle.
//
// Only imports that survive compilation count (dynamic `import('x')` too): `import type …`, `export type …`
// and `import { type A, type B }` (every name type-only) are erased by tsc and
// cannot make a module wait for another at load time. The graph is read from
// the import/export statements of lib/**/*.ts with a regex (the sources are
// ours and formatted by one style, so no parser is needed); each strongly
// connected component of more than one module, or a module importing itself,
// is reported with the edges that close it.
//
// usage: node scripts/check-cycles.js [dir]   (default: lib)
const fs = require('fs');
const path = require('path');

const root = path.resolve(process.argv[2] ?? path.join(__dirname, '..', 'lib'));

function listTs(dir) {
  const out = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...listTs(p));
    else if (e.name.endsWith('.ts') && !e.name.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

// `import … from 'x'`, `export … from 'x'`, `import 'x'` (side effect), over several lines.
const STATEMENT = /^\s*(import|export)\s+([^;'"]*?)\s*from\s*['"]([^'"]+)['"]|^\s*import\s*['"]([^'"]+)['"]/gms;
// `import('x')` inside a function: not a load-time edge, but a cycle hidden
// behind it is still a cycle (madge counts it too), so it counts.
const DYNAMIC = /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;

/** True when the statement's clause is erased by tsc (type-only). */
function typeOnly(clause) {
  if (/^type\s/.test(clause)) return true;
  const braces = /^\{([^}]*)\}$/s.exec(clause.trim());
  if (braces === null) return false; // default, namespace or mixed default + named: a value import
  const names = braces[1].split(',').map((s) => s.trim()).filter((s) => s !== '');
  return names.length > 0 && names.every((n) => /^type\s/.test(n));
}

function resolve(from, spec) {
  if (!spec.startsWith('.')) return null; // a package or a Node builtin
  const base = path.resolve(path.dirname(from), spec);
  for (const p of [`${base}.ts`, path.join(base, 'index.ts')]) if (fs.existsSync(p)) return p;
  return null;
}

function graph(files) {
  const g = new Map();
  for (const f of files) {
    const src = fs.readFileSync(f, 'utf8');
    const deps = new Set();
    for (const m of src.matchAll(STATEMENT)) {
      const spec = m[3] ?? m[4];
      if (m[3] !== undefined && typeOnly(m[2])) continue;
      const to = resolve(f, spec);
      if (to !== null) deps.add(to);
    }
    for (const m of src.matchAll(DYNAMIC)) {
      const to = resolve(f, m[1]);
      if (to !== null) deps.add(to);
    }
    g.set(f, [...deps]);
  }
  return g;
}

/** Tarjan's strongly connected components. */
function components(g) {
  let index = 0;
  const idx = new Map();
  const low = new Map();
  const stack = [];
  const on = new Set();
  const out = [];
  const visit = (v) => {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    on.add(v);
    for (const w of g.get(v) ?? []) {
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v), low.get(w)));
      } else if (on.has(w)) {
        low.set(v, Math.min(low.get(v), idx.get(w)));
      }
    }
    if (low.get(v) === idx.get(v)) {
      const c = [];
      let w;
      do {
        w = stack.pop();
        on.delete(w);
        c.push(w);
      } while (w !== v);
      out.push(c);
    }
  };
  for (const v of g.keys()) if (!idx.has(v)) visit(v);
  return out;
}

const g = graph(listTs(root));
const rel = (p) => path.relative(root, p);
const cycles = components(g).filter((c) => c.length > 1 || (g.get(c[0]) ?? []).includes(c[0]));
if (cycles.length === 0) {
  console.log(`check-cycles: no import cycle among ${g.size} modules of ${path.relative(process.cwd(), root) || '.'}`);
  process.exit(0);
}
for (const c of cycles) {
  const members = new Set(c);
  console.error(`import cycle among ${c.length} module(s):`);
  for (const f of c.sort()) {
    for (const d of g.get(f)) if (members.has(d)) console.error(`  ${rel(f)} -> ${rel(d)}`);
  }
}
console.error(`check-cycles: ${cycles.length} cycle(s); type-only imports (\`import type\`) do not count`);
process.exit(1);

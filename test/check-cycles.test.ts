// scripts/check-cycles.js: the CI check that lib/ has no runtime import cycle.
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { useTempDir } from './helpers/tmp';

const SCRIPT = path.join(__dirname, '..', 'scripts', 'check-cycles.js');
const tmp = useTempDir('mmarray-cycles-');

/** Writes `files` (name -> source) into a fresh directory and runs the check over it. */
function check(files: Record<string, string>): { status: number | null; out: string } {
  const dir = tmp.path('lib');
  for (const [name, src] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), src);
  }
  const r = spawnSync(process.execPath, [SCRIPT, dir], { encoding: 'utf8' });
  return { status: r.status, out: r.stdout + r.stderr };
}

test('the library itself has no import cycle', () => {
  const r = spawnSync(process.execPath, [SCRIPT], { encoding: 'utf8' });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
});

test('a two-module value cycle fails and names both edges', () => {
  const r = check({ 'a.ts': "import { b } from './b';\nexport const a = 1;\n", 'b.ts': "import { a } from './a';\nexport const b = a;\n" });
  expect(r.status).toBe(1);
  expect(r.out).toContain('a.ts -> b.ts');
  expect(r.out).toContain('b.ts -> a.ts');
});

test('type-only imports do not count: `import type` and `import { type X }`', () => {
  const r = check({
    'a.ts': "import type { B } from './b';\nexport interface A { b?: B }\n",
    'b.ts': "import { type A } from './a';\nexport interface B { a?: A }\n",
  });
  expect(r.status).toBe(0);
});

test('a mixed import (one value name among type names) counts', () => {
  const r = check({
    'a.ts': "import { type B, b } from './b';\nexport const a = b;\nexport type A = B;\n",
    'b.ts': "import { a } from './a';\nexport const b = 1;\nexport type B = typeof a;\n",
  });
  expect(r.status).toBe(1);
});

test('re-exports, side-effect imports, directory index modules and multi-line imports are edges', () => {
  const r = check({
    'a.ts': "export { c } from './sub';\n",
    'sub/index.ts': "import {\n  d,\n} from './d';\nexport const c = d;\n",
    'sub/d.ts': "import '../a';\nexport const d = 1;\n",
  });
  expect(r.status).toBe(1);
  expect(r.out).toContain('sub/d.ts -> a.ts');
});

test('a dynamic import() closes a cycle too (a lazy load hides it, it does not remove it)', () => {
  const r = check({
    'a.ts': "import { b } from './b';\nexport const a = (): unknown => b;\n",
    'b.ts': "export async function b(): Promise<unknown> {\n  return (await import('./a')).a;\n}\n",
  });
  expect(r.status).toBe(1);
  expect(r.out).toContain('b.ts -> a.ts');
});

test('a longer acyclic graph passes', () => {
  const r = check({
    'a.ts': "import { b } from './b';\nimport { c } from './c';\nexport const a = b + c;\n",
    'b.ts': "import { c } from './c';\nexport const b = c;\n",
    'c.ts': "import * as fs from 'fs';\nexport const c = fs ? 1 : 0;\n",
  });
  expect(r.status).toBe(0);
  expect(r.out).toContain('no import cycle among 3 modules');
});

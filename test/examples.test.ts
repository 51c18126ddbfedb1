// Runs every example as a user would (node -r ./examples/register.js
// examples/NN-name.ts, in a child process) and compares what it prints with
// the `// Output:` block at the end of the file; where a NumPy twin exists
// (examples/numpy/NN-name.py), NumPy's own output must be the same text.
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as ts from 'typescript';
import { describeWithNumpy } from './helpers/numpy';

const root = path.resolve(__dirname, '..');
const dir = path.join(root, 'examples');
const register = path.join(dir, 'register.js');
const examples = fs
  .readdirSync(dir)
  .filter((f) => /^\d\d-.*\.ts$/.test(f))
  .sort();

/** The text of the trailing `// Output:` comment block. */
function expectedOutput(file: string): string {
  const src = fs.readFileSync(path.join(dir, file), 'utf8');
  const at = src.lastIndexOf('\n// Output:\n');
  if (at < 0) throw new Error(`${file} has no "// Output:" block`);
  return src
    .slice(at + '\n// Output:\n'.length)
    .trimEnd()
    .split('\n')
    .map((l) => l.replace(/^\/\/ ?/, ''))
    .join('\n');
}

function run(cmd: string, args: string[]): { stdout: string; stderr: string; status: number | null } {
  const r = spawnSync(cmd, args, { cwd: root, encoding: 'utf8', timeout: 60_000 });
  return { stdout: r.stdout.trimEnd(), stderr: r.stderr, status: r.status };
}

test('there are examples, each with an output block', () => {
  expect(examples.length).toBeGreaterThanOrEqual(11);
  for (const f of examples) expect(expectedOutput(f).length).toBeGreaterThan(0);
});

describe('each example prints its // Output: block', () => {
  test.each(examples)('%s', (file) => {
    const r = run(process.execPath, ['-r', register, path.join('examples', file)]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(expectedOutput(file));
  });
});

const twins = examples.filter((f) => fs.existsSync(path.join(dir, 'numpy', f.replace(/\.ts$/, '.py'))));

describeWithNumpy('NumPy prints the same for each twin', () => {
  test('most examples have a NumPy twin', () => {
    expect(twins.length).toBeGreaterThanOrEqual(8);
  });

  test.each(twins)('%s', (file) => {
    const r = run('python3', [path.join('examples', 'numpy', file.replace(/\.ts$/, '.py'))]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(expectedOutput(file));
  });
});

test('the examples type-check under the project tsconfig', () => {
  const configFile = ts.readConfigFile(path.join(root, 'tsconfig.json'), (p) => ts.sys.readFile(p));
  const parsed = ts.parseJsonConfigFileContent(configFile.config, ts.sys, root);
  const files = examples.map((f) => path.join(dir, f));
  const program = ts.createProgram(files, { ...parsed.options, noEmit: true });
  const diagnostics = ts.getPreEmitDiagnostics(program).map((d) => ts.formatDiagnostic(d, {
    getCanonicalFileName: (f) => f,
    getCurrentDirectory: () => root,
    getNewLine: () => '\n',
  }));
  expect(diagnostics).toEqual([]);
});

test('the README lists every example', () => {
  const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
  for (const f of examples) expect(readme).toContain(`examples/${f}`);
});

test("the README's quick start runs and prints what its comment says", () => {
  const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
  const block = /## Quick start\n\n```ts\n([\s\S]*?)```/.exec(readme);
  expect(block).not.toBeNull();
  const code = block![1].replace("from 'mmarray'", `from ${JSON.stringify(path.join(root, 'lib'))}`);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'mmarray-readme-'));
  try {
    // An empty folder: the block creates its own file ('w+'), so it runs as pasted.
    fs.writeFileSync(path.join(work, 'quick-start.ts'), code);
    const r = spawnSync(process.execPath, ['-r', register, 'quick-start.ts'], { cwd: work, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    const printed = /console\.log\(.*\); \/\/ (.*)\n/.exec(code)![1];
    expect(r.stdout.trim()).toBe(printed);
    const after = fs.readFileSync(path.join(work, 'readings.bin'));
    expect(after.length).toBe(3 * 16);
    expect([0, 1, 2].map((i) => [after.readUInt32LE(i * 16), after.readUInt32LE(i * 16 + 4)])).toEqual([
      [1, 1700000000], [2, 1700000060], [3, 1700000120],
    ]);
    expect([0, 1, 2].map((i) => after.readDoubleLE(i * 16 + 8))).toEqual([3, 3, 5]);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
});

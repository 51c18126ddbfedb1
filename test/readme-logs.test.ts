// The README's "Logs and streams" section: every ```ts block runs as a user
// would (node -r ./examples/register.js, in a fresh temp directory) and
// prints, line by line, the `// ` comments after its console.log calls.
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const root = path.resolve(__dirname, '..');
const register = path.join(root, 'examples', 'register.js');

function blocks(): string[] {
  const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
  const section = /\n## Logs and streams\n([\s\S]*?)\n## /.exec(readme);
  if (section === null) throw new Error('README has no "## Logs and streams" section');
  return [...section[1].matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]);
}

test('the section has a block for appends, .npy, follow and streams', () => {
  const all = blocks().join('\n');
  for (const api of ['.append(', 'appendNpy(', '.follow(', 'recordStream(', 'recordWriter(']) expect(all).toContain(api);
});

describe('each block prints what its comments say', () => {
  test.each(blocks().map((code, i) => [i + 1, code] as const))('block %i', (_i, code) => {
    const expected = [...code.matchAll(/console\.log\(.*\); \/\/ (.*)\n/g)].map((m) => m[1]);
    expect(expected.length).toBeGreaterThan(0);
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'mmarray-readme-logs-'));
    try {
      fs.writeFileSync(path.join(work, 'block.ts'), code.replace(/from 'mmarray'/g, `from ${JSON.stringify(path.join(root, 'lib'))}`));
      const r = spawnSync(process.execPath, ['-r', register, 'block.ts'], { cwd: work, encoding: 'utf8', timeout: 60_000 });
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      expect(r.stdout.trimEnd().split('\n')).toEqual(expected);
    } finally {
      fs.rmSync(work, { recursive: true, force: true });
    }
  });
});

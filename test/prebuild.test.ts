// The Linux binary's glibc floor: scripts/check-glibc.js over `objdump -T`.
// The same check runs in CI on prebuilds/linux-*/ (npm run build:prebuild);
// here it also guards the tree's own node-gyp build, which uses the same
// flags (binding.gyp), so a new libc call shows up in `npm test`.
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '..');
const SCRIPT = path.join(ROOT, 'scripts', 'check-glibc.js');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { inspect } = require(SCRIPT) as {
  inspect(text: string): { highest: string | null; problems: string[] };
};

const line = (version: string, sym: string, weak = false): string =>
  `0000000000000000 ${weak ? ' w ' : '   '}  DF *UND*\t0000000000000000 (${version}) ${sym}`;

describe('check-glibc inspect()', () => {
  test('glibc 2.28 exactly is accepted and reported as the highest', () => {
    const r = inspect([line('GLIBC_2.2.5', 'mmap64'), line('GLIBC_2.28', 'fcntl64'), line('GLIBC_2.14', 'memcpy')].join('\n'));
    expect(r).toEqual({ highest: 'GLIBC_2.28', problems: [] });
  });

  test('a newer glibc symbol version is named, weak or not', () => {
    const r = inspect([line('GLIBC_2.2.5', 'close'), line('GLIBC_2.33', 'fstat64'), line('GLIBC_2.34', 'pthread_once', true)].join('\n'));
    expect(r.highest).toBe('GLIBC_2.34');
    expect(r.problems).toEqual(['fstat64 (GLIBC_2.33)', 'pthread_once (GLIBC_2.34)']);
  });

  test('versions compare numerically (2.3 < 2.14 < 2.28 < 2.100)', () => {
    expect(inspect([line('GLIBC_2.3', 'a'), line('GLIBC_2.14', 'b')].join('\n')).highest).toBe('GLIBC_2.14');
    expect(inspect(line('GLIBC_2.100', 'c')).problems).toEqual(['c (GLIBC_2.100)']);
  });

  test('a version reference without a symbol (GLIBC_ABI_DT_RELR) is a problem; numbered ones are judged by their symbols', () => {
    const refs = ['Version References:', '  required from libc.so.6:', '    0x0a7aa3d2 0x00 03 GLIBC_ABI_DT_RELR', '    0x09691a75 0x00 02 GLIBC_2.2.5'];
    const r = inspect([...refs, line('GLIBC_2.2.5', 'close')].join('\n'));
    expect(r).toEqual({ highest: 'GLIBC_2.2.5', problems: ['(version reference) (GLIBC_ABI_DT_RELR)'] });
  });

  test('any libstdc++ or C++ ABI version is a problem (libstdc++ must be static)', () => {
    const r = inspect([line('GLIBCXX_3.4', '_Znwm'), line('CXXABI_1.3.9', '_ZdlPvm'), line('GCC_3.0', '_Unwind_Resume')].join('\n'));
    expect(r.problems).toEqual(['_Znwm (GLIBCXX_3.4)', '_ZdlPvm (CXXABI_1.3.9)']);
    expect(r.highest).toBeNull();
  });
});

const built = path.join(ROOT, 'build', 'Release', 'mmarray.node');
const hasObjdump = spawnSync('objdump', ['--version']).status === 0;
const linuxBuild = process.platform === 'linux' && fs.existsSync(built);
if (!linuxBuild || !hasObjdump) {
  console.log(`SKIP prebuild glibc check of the tree's build: ${!linuxBuild ? 'no Linux build/Release/mmarray.node' : 'no objdump'}`);
}

(linuxBuild && hasObjdump ? test : test.skip)('the node-gyp build needs glibc <= 2.28 and no libstdc++', () => {
  const r = spawnSync(process.execPath, [SCRIPT, built], { encoding: 'utf8' });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  expect(r.stdout).toMatch(/^check-glibc: ok .*highest GLIBC_2\.([0-9]|1[0-9]|2[0-8])\b/);
});

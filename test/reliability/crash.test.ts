// Crash safety, in forked children: a store into a PROT_READ mapping or an
// unmapped range kills a process, so these cases never run in the jest
// worker. Each child requires the built library (dist/), runs one scenario,
// prints a JSON report and exits; the parent asserts how it ended.
//
// - Every write path on a 'r' mapping (and its views) throws AccessError
//   before touching a byte: the child lives and the file is unchanged.
// - Every access after close() throws "closed": the child lives.
// - The control: a raw Uint8Array over a 'r' mapping, written directly, does
//   die by SIGSEGV/SIGBUS — proof that the checks above are what keeps
//   the children alive.
import { spawnSync, type SpawnSyncReturns } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { useTempDir } from '../helpers/tmp';

const DIST = path.resolve(__dirname, '../../dist');
const tmp = useTempDir('mmarray-crash-');

beforeAll(() => {
  if (!fs.existsSync(path.join(DIST, 'memmap.js'))) throw new Error(`build dist first (npx tsc -p tsconfig.build.json): ${DIST} is missing`);
});

/** Preamble of every child: the library and its memmap, from dist. */
const PRELUDE = `
  const L = require(${JSON.stringify(path.join(DIST, 'index.js'))});
  const { memmap } = require(${JSON.stringify(path.join(DIST, 'memmap.js'))});
  const REC = L.dtype([['id', '<i4'], ['value', '<f4'], ['tag', 'u1', [8]]]);
  const report = (o) => process.stdout.write(JSON.stringify(o));
`;

/**
 * Runs `body` in a fresh node (core dumps off, so a deliberate crash leaves
 * nothing behind); `exec` makes the signal reach this process as the child's.
 */
function runChild(body: string, env: Record<string, string> = {}): SpawnSyncReturns<string> {
  return spawnSync('bash', ['-c', 'ulimit -c 0; exec "$0" -e "$CHILD_SRC"', process.execPath], {
    encoding: 'utf8',
    timeout: 30000,
    env: { ...process.env, ...env, CHILD_SRC: PRELUDE + body },
  });
}

/** The child's JSON report; fails with its stderr when it did not exit 0. */
function reportOf<T>(r: SpawnSyncReturns<string>): T {
  expect({ status: r.status, signal: r.signal, stderr: r.stderr }).toEqual({ status: 0, signal: null, stderr: '' });
  return JSON.parse(r.stdout) as T;
}

const recordFile = (records = 16): string => {
  const bytes = Uint8Array.from({ length: records * 16 }, (_, i) => (i * 131 + 7) & 0xff);
  return tmp.file(bytes, 'records.bin');
};

// The message goes on to name the file and its mode.
const REFUSED = /^AccessError:ERR_READ_ONLY:assignment destination is read-only( \(.*\))?$/;

/**
 * Each entry: [label, JS expression over `t` (the target array) that must
 * refuse to write, the refusal expected].
 */
const WRITES: readonly (readonly [string, string, RegExp?])[] = [
  ['set(value)', 't.set(0)'],
  ["set('index', value)", "t.set('0', 0)"],
  ['set(nested arrays)', "t.index(':1').set([[0]])"],
  ['set(NdArray)', 't.set(t.copy())'],
  ['fill', 't.fill(0)'],
  ['byteswap(true)', 't.byteswap(true)'],
  ['apply', 't.apply((x) => x)'],
  ["view('u1').set", "t.view('u1').set(0)"],
  ["view('<i8').fill", "t.view('<i8').fill(0n)"],
  ["field('id').set", "t.field('id').set(1)"],
  ["field('value').apply", "t.field('value').apply((x) => x + 1)"],
  ["field('tag').fill", "t.field('tag').fill(255)"],
  ["field('tag').byteswap(true)", "t.field('tag').view('<u2').byteswap(true)"],
  ["fields(['id']).set", "t.fields(['id']).set(t.fields(['id']).copy())"],
  ['index(slice).fill', "t.index('1::2').fill(0)"],
  ['index(int).set', "t.index('1').field('id').set(9)"],
  ['index(ints).set (0-d)', "t.index('0, 0').set(t.index('0, 0').copy())"],
  ['transpose + set', "t.view('u1').T.set(1)"],
  ['flip + set', "t.flip().field('id').set(5)"],
  ['newbyteorder + set', "t.field('id').newbyteorder().set(5)"],
  ['squeeze/expandDims + set', "t.expandDims(0).squeeze().field('value').set(1.5)"],
  ['asStrided + set', "L.asStrided(t.view('u1'), [4, 4], [16, 1]).set(2)"],
  ['asStrided({writeable: true}) + set', "L.asStrided(t.view('u1'), [4], [1], { writeable: true }).set(2)"],
  ['typedArray() refused', "t.view('u1').typedArray()", /^(AccessError:ERR_READ_ONLY:typedArray\(\) over read-only memory|ValueError:ERR_VALUE:typedArray\(\) needs a C-contiguous)/],
  ['flags.writeable = true refused', 't.flags.writeable = true', /^ValueError:ERR_VALUE:cannot set WRITEABLE flag to True of this array$/],
];

describe("writes into a 'r' mapping throw instead of storing", () => {
  test.each(WRITES.map(([l, e, x]): [string, string, RegExp] => [l, e, x ?? REFUSED]))('%s', (_label, expr, expected) => {
    const f = recordFile();
    const before = fs.readFileSync(f);
    const r = runChild(`
      const m = memmap(process.env.FILE, { mode: 'r', dtype: REC }).reshape([4, 4]);
      const out = {};
      // The mapping, a slice, and a view walking the file backwards.
      for (const [name, t] of [['mapping', m], ['slice view', m.index('1:3, 1:')], ['reversed view', m.index('::-1')]]) {
        try { ${expr}; out[name] = 'stored'; }
        catch (e) { out[name] = e.name + ':' + (e.code || '') + ':' + e.message; }
      }
      out.writeable = m.flags.writeable;
      report(out);
    `, { FILE: f });
    const out = reportOf<Record<string, string | boolean>>(r);
    for (const k of ['mapping', 'slice view', 'reversed view']) expect(`${k}: ${String(out[k])}`).toMatch(new RegExp(`^${k}: ${expected.source.slice(1)}`));
    expect(out.writeable).toBe(false);
    expect(fs.readFileSync(f).equals(before)).toBe(true);
  });

  test('typedArray({unsafeAllowReadOnly}) reads without crashing', () => {
    const f = recordFile();
    const r = runChild(`
      const m = memmap(process.env.FILE, { mode: 'r', dtype: 'u1' });
      const ta = m.typedArray({ unsafeAllowReadOnly: true });
      report({ n: ta.length, first: ta[0], same: ta[5] === m.get(5) });
    `, { FILE: f });
    expect(reportOf(r)).toEqual({ n: 256, first: 7, same: true });
  });
});

/** Each entry: [label, expression over `t` that must throw ERR_CLOSED once the mapping is closed]. */
const ACCESSES: readonly (readonly [string, string])[] = [
  ['get', 't.get(0)'],
  ['set', 't.set(0)'],
  ["set('index')", "t.set('0', 0)"],
  ['fill', 't.fill(0)'],
  ['iterate', '[...t]'],
  ['toArray', 't.toArray()'],
  ['view', "t.view('u1')"],
  ['index', "t.index('0')"],
  ['field', "t.field('id')"],
  ['fields', "t.fields(['id'])"],
  ['reshape', 't.reshape([-1])'],
  ['ravel', 't.ravel()'],
  ['transpose', 't.transpose()'],
  ['squeeze', 't.squeeze()'],
  ['flip', 't.flip()'],
  ['copy', 't.copy()'],
  ['astype', "t.astype(t.dtype)"],
  ['byteswap()', 't.byteswap()'],
  ['byteswap(true)', 't.byteswap(true)'],
  ['forEach', 't.forEach(() => undefined)'],
  ['reduce', 't.reduce((a) => a, 0)'],
  ['apply', 't.apply((x) => x)'],
  ['map', 't.map((x) => x)'],
  ['typedArray', "t.typedArray()"],
  ['buffer', 't.buffer'],
  ['flush', 't.flush()'],
  ['advise', "t.advise('random')"],
  ['asStrided', 'L.asStrided(t, [1])'],
  ['broadcastTo', 'L.broadcastTo(t, [2, ...t.shape])'],
  ['ascontiguousarray', 'L.ascontiguousarray(t)'],
  ['sharesMemory', 'L.sharesMemory(t, t)'],
  ['mayShareMemory', 'L.mayShareMemory(t, t)'],
];

describe('every access after close() throws "closed"', () => {
  test.each(ACCESSES)('%s', (_label, expr) => {
    const f = recordFile();
    const r = runChild(`
      const m = memmap(process.env.FILE, { mode: 'r+', dtype: REC });
      // Views made before close(): they must die with the mapping.
      const views = { slice: m.index('1:5'), field: m.field('id'), bytes: m.view('u1'), record: m.index('2') };
      const ta = m.view('u1').typedArray();
      m.close();
      m.close(); // idempotent
      const out = { closed: m.closed, typedArrayLength: ta.length };
      for (const [name, t] of [['mapping', m], ...Object.entries(views)]) {
        const isMemmap = typeof t.flush === 'function';
        if (!isMemmap && /flush|advise/.test(${JSON.stringify(expr)})) { out[name] = 'n/a'; continue; }
        try { const v = ${expr}; out[name] = 'returned ' + typeof v; }
        catch (e) { out[name] = e.name + ':' + (e.code || '') + ':' + e.message; }
      }
      report(out);
    `, { FILE: f });
    const out = reportOf<Record<string, unknown>>(r);
    expect(out.closed).toBe(true);
    expect(out.typedArrayLength).toBe(0);
    for (const name of ['mapping', 'slice', 'field', 'bytes', 'record']) {
      if (out[name] === 'n/a') continue;
      // A 0-d record iterates with a TypeError in NumPy too; everything else must say "closed".
      expect(`${name}: ${String(out[name])}`).toMatch(new RegExp(`^${name}: AccessError:ERR_CLOSED:mapping of '.*records\\.bin' is closed$`));
    }
  });

  test('flushAsync after close() rejects with ERR_CLOSED', () => {
    const r = runChild(`
      const m = memmap(process.env.FILE, { mode: 'r+' });
      const v = m.index('::2');
      m.close();
      Promise.allSettled([m.flushAsync(), v.flushAsync()]).then((rs) =>
        report(rs.map((x) => x.status + ':' + (x.reason && x.reason.name + ':' + x.reason.code))));
    `, { FILE: recordFile() });
    expect(reportOf(r)).toEqual(['rejected:AccessError:ERR_CLOSED', 'rejected:AccessError:ERR_CLOSED']);
  });

  test('close() with a flushAsync in flight: the flush settles, the child lives', () => {
    const r = runChild(`
      const m = memmap(process.env.FILE, { mode: 'r+' });
      m.fill(1);
      const p = m.flushAsync();
      m.close();
      p.then(() => 'fulfilled', (e) => 'rejected:' + e.name + ':' + e.code).then((s) => report({ s, closed: m.closed }));
    `, { FILE: recordFile() });
    const out = reportOf<{ s: string; closed: boolean }>(r);
    expect(out.closed).toBe(true);
    expect(out.s).toMatch(/^(fulfilled|rejected:AccessError:ERR_CLOSED)$/);
  });

  test('close() of a view closes the shared mapping; the owner then throws', () => {
    const r = runChild(`
      const m = memmap(process.env.FILE, { mode: 'r', dtype: REC });
      const v = m.index('1:');
      v.close();
      let out;
      try { m.get(0); out = 'read'; } catch (e) { out = e.code; }
      m.close();
      report({ out, closed: m.closed && v.closed });
    `, { FILE: recordFile() });
    expect(reportOf(r)).toEqual({ out: 'ERR_CLOSED', closed: true });
  });

  test('a closed mapping still prints and reports its layout', () => {
    const r = runChild(`
      const m = memmap(process.env.FILE, { mode: 'r', dtype: REC });
      m.close();
      report({ s: String(m), shape: m.shape, c: m.flags.cContiguous, i: require('util').inspect(m) });
    `, { FILE: recordFile() });
    const out = reportOf<{ s: string; shape: number[]; c: boolean; i: string }>(r);
    expect(out.shape).toEqual([16]);
    expect(out.c).toBe(true);
    expect(out.s).toContain('closed');
    expect(out.i).toContain('closed');
  });
});

describe('the control: raw stores into a read-only mapping do kill the process', () => {
  test.each([
    ['through m.buffer', 'new Uint8Array(m.buffer)'],
    ['through typedArray({unsafeAllowReadOnly})', 'm.typedArray({ unsafeAllowReadOnly: true })'],
  ])('%s', (_label, expr) => {
    const f = recordFile();
    const before = fs.readFileSync(f);
    const r = runChild(`
      const m = memmap(process.env.FILE, { mode: 'r', dtype: 'u1' });
      const raw = ${expr};
      process.stdout.write('about to store\\n');
      raw[0] = 1;
      process.stdout.write('survived\\n');
    `, { FILE: f });
    expect(r.stdout).toBe('about to store\n');
    expect(['SIGSEGV', 'SIGBUS']).toContain(r.signal);
    expect(fs.readFileSync(f).equals(before)).toBe(true);
  });
});

// Parsed list/dict/subarray specs are cached by content (lib/dtype/spec-key.ts):
// the same DType comes back for the same content, a mutated spec is parsed
// afresh, and a spec that changes while it is read never poisons the cache.
import { dtype, DType, fromBuffer } from '../../lib';
import { snapshotSpec, specKey, SPEC_KEY_DEPTH, SPEC_KEY_LENGTH } from '../../lib/dtype/spec-key';

describe('specKey', () => {
  it('tells apart specs whose naive joins would collide', () => {
    const pairs: [unknown, unknown][] = [
      [[['a,b', '<f8']], [['a', 'b,<f8']]],
      [[['a', '<f8', 2]], [['a', '<f8', [2]]]],
      [[['a', '<f8', 0]], [['a', '<f8', -0]]],
      [{ names: ['a'], formats: ['<f8'] }, { formats: ['<f8'], names: ['a'] }],
      [['<f8', new Int32Array([2, 3])], ['<f8', new BigInt64Array([2n, 3n])]],
      [['<f8', new Int32Array([2, 3])], ['<f8', [2, 3]]],
      [[['"', '<f8']], [['\\"', '<f8']]],
      [{ names: ['a'], formats: ['<f8'], aligned: true }, { names: ['a'], formats: ['<f8'], aligned: 'true' }],
    ];
    for (const [a, b] of pairs) {
      expect(specKey(a)).not.toBeNull();
      expect(specKey(a)).not.toBe(specKey(b));
    }
    expect(specKey([['a', '<f8']])).toBe(specKey([['a', '<f8']]));
  });

  it('gives no key for DTypes, class instances, functions, deep nesting and very long specs', () => {
    expect(specKey([['a', dtype('<f8')]])).toBeNull();
    expect(specKey([['a', new Map()]])).toBeNull();
    expect(specKey([['a', () => '<f8']])).toBeNull();
    let deep: unknown = '<f8';
    for (let i = 0; i <= SPEC_KEY_DEPTH; i++) deep = [deep];
    expect(specKey(deep)).toBeNull();
    expect(specKey([['x'.repeat(SPEC_KEY_LENGTH), '<f8']])).toBeNull();
  });

  it('snapshots are deep copies with the same key', () => {
    const spec = { names: ['a', 'b'], formats: ['<f8', ['<i4', new Int16Array([2])]], offsets: [0, 8] };
    const copy = snapshotSpec(spec);
    expect(specKey(copy)).toBe(specKey(spec));
    spec.names[0] = 'z';
    (spec.formats[1] as [string, Int16Array])[1][0] = 5;
    expect(copy.names[0]).toBe('a');
    expect((copy.formats[1] as [string, Int16Array])[1][0]).toBe(2);
  });
});

describe('dtype() caches parsed non-string specs', () => {
  it('returns the same DType for the same content, and the align option keys separately', () => {
    const a = dtype([['ts', '<u8'], ['v', '<f4']]);
    const b = dtype([['ts', '<u8'], ['v', '<f4']]);
    expect(b).toBe(a);
    expect(a.itemsize).toBe(12);
    const aligned = dtype([['ts', '<u8'], ['v', '<f4']], { align: true });
    expect(aligned.itemsize).toBe(16);
    expect(dtype([['ts', '<u8'], ['v', '<f4']])).toBe(a);
  });

  it('a spec mutated between calls gives its new DType, never the stale one', () => {
    const spec: [string, string][] = [
      ['ts', '<u8'],
      ['v', '<f8'],
    ];
    expect(dtype(spec).fields!.v.dtype.str).toBe('<f8');
    spec[1][1] = '<i2';
    const d = dtype(spec);
    expect(d.fields!.v.dtype.str).toBe('<i2');
    expect(d.itemsize).toBe(10);
    const dict = { names: ['a'], formats: ['<f8'], itemsize: 16 };
    expect(dtype(dict).itemsize).toBe(16);
    dict.itemsize = 24;
    expect(dtype(dict).itemsize).toBe(24);
  });

  it('a kept spec object found by key first, then by identity, still sees its mutations', () => {
    expect(dtype([['k', '<u2'], ['w', '<f8']]).itemsize).toBe(10); // parsed through a literal
    const kept: [string, string][] = [
      ['k', '<u2'],
      ['w', '<f8'],
    ];
    const first = dtype(kept);
    for (let i = 0; i < 3; i++) expect(dtype(kept)).toBe(first);
    kept.push(['x', '<i4']);
    expect(dtype(kept).itemsize).toBe(14);
    kept.pop();
    expect(dtype(kept)).toBe(first);
  });

  it('a spec whose getter changes on every read cannot store a DType under a key it does not match', () => {
    let reads = 0;
    const tricky = {
      names: ['a'],
      get formats(): string[] {
        reads++;
        return [reads % 2 === 1 ? '<f8' : '<i2'];
      },
    };
    for (let i = 0; i < 4; i++) dtype(tricky);
    // Whatever was cached, each plain spec gets its own content's DType.
    expect(dtype({ names: ['a'], formats: ['<f8'] }).fields!.a.dtype.str).toBe('<f8');
    expect(dtype({ names: ['a'], formats: ['<i2'] }).fields!.a.dtype.str).toBe('<i2');
  });

  it('errors are not cached: a bad spec throws every time, and its fixed form parses', () => {
    const spec: [string, string][] = [['a', 'i3']];
    expect(() => dtype(spec)).toThrow(TypeError);
    expect(() => dtype(spec)).toThrow(TypeError);
    spec[0][1] = 'i4';
    expect(dtype(spec).itemsize).toBe(4);
  });

  it('specs holding a DType still parse (uncached) to the same layout', () => {
    const inner = dtype('<f8');
    const d = dtype([['a', inner], ['b', '<i4']]);
    expect(d.itemsize).toBe(12);
    expect(d).toBeInstanceOf(DType);
    expect(fromBuffer(new ArrayBuffer(24), [['a', inner], ['b', '<i4']]).shape).toEqual([2]);
  });
});

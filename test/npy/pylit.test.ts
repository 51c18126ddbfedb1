// lib/npy/pylit.ts: the literal reader and Python's repr, checked against
// Python itself on random strings and on the literals a header is made of.
import * as fc from 'fast-check';
import { MAX_LITERAL_DEPTH, PyLiteralError, parsePyLiteral, pyRepr, pyStrRepr, type PyValue } from '../../lib/npy/pylit';
import { describeWithNumpy, runNumpy } from '../helpers/numpy';

// Strings that exercise every branch of str.__repr__: quotes, backslashes,
// control characters, non-printable latin-1, format characters, astral
// code points, unassigned code points, lone surrogates.
const TRICKY = [
  '', "'", '"', `'"`, '\\', '\t\n\r', '\x00\x1f\x7f', '\x85\xa0\xad\xe9', '\u200b\u2028\u2029\u3000',
  '\ud7ff', '\ud800', '\udfff', '😀', '\u{e0001}', '\u{10ffff}', 'λ温度', "it's", 'q"uote',
];

describeWithNumpy("pyStrRepr matches Python's repr", () => {
  test('on strings chosen for every escape rule', () => {
    const expected = runNumpy<string[]>(
      'print(json.dumps([repr(s) for s in json.loads(sys.stdin.read())]))',
      JSON.stringify(TRICKY),
    );
    expect(TRICKY.map(pyStrRepr)).toEqual(expected);
  });

  test('on random strings', () => {
    const strings = fc.sample(fc.string({ unit: 'binary', maxLength: 12 }), { numRuns: 2000, seed: 42 });
    const mixed = strings.concat(fc.sample(fc.string({ unit: 'grapheme', maxLength: 8 }), { numRuns: 500, seed: 7 }));
    // Python reads lone surrogates from JSON too, so nothing needs filtering.
    // Python's Unicode tables can be older than the JS engine's (3.11 ships
    // Unicode 14, Node 20 ICU 15): a code point unassigned for Python but
    // assigned for JS is repr'd differently, by design, so such strings are
    // left out.
    const expected = runNumpy<{ repr: string; unassigned: number[] }[]>(
      `import unicodedata
print(json.dumps([{'repr': repr(s), 'unassigned': [ord(c) for c in s if unicodedata.category(c) == 'Cn']}
                  for s in json.loads(sys.stdin.read())]))`,
      JSON.stringify(mixed),
    );
    const jsAssigned = (cp: number): boolean => !/\p{Cn}/u.test(String.fromCodePoint(cp));
    const comparable = mixed.map((_, i) => i).filter((i) => !expected[i]!.unassigned.some(jsAssigned));
    expect(comparable.length).toBeGreaterThan(mixed.length / 2);
    const mismatches = comparable
      .map((i) => [mixed[i], pyStrRepr(mixed[i]!), expected[i]!.repr])
      .filter(([, r, e]) => r !== e);
    expect(mismatches).toEqual([]);
  });
});

describeWithNumpy("parsePyLiteral reads strings as Python's ast.literal_eval", () => {
  test('raw and unicode prefixes, escapes kept or read, adjacent literals joined', () => {
    const texts = [
      String.raw`r'a\nb'`, String.raw`R"x\"y"`, String.raw`r'\x41'`, String.raw`u'a' r'\t' 'b\tc'`, String.raw`'a' R'b' U"c"`,
      String.raw`r'\''`, String.raw`r"\\"`, String.raw`'\x41\101\u00e9'`, String.raw`r'<i2'`, "'a' # a comment", "# first\n'a' 'b' # c\n",
    ];
    const want = runNumpy<string[]>(`
import ast
print(json.dumps([ast.literal_eval(t) for t in json.loads(sys.stdin.read())]))`, JSON.stringify(texts));
    expect(texts.map((t) => (parsePyLiteral(t) as { value: string }).value)).toEqual(want);
  });
});

describeWithNumpy("parsePyLiteral reads comments as Python's tokenizer does", () => {
  test('a comment runs to the end of its line, anywhere whitespace may be', () => {
    const texts = ['(1, # c\n 2)', '(1 #c\n,)', '# x\n(1,)', '(1,)\n#x', '[1,#x\n2]', "{'a': 1 # x\n}", "{'a': '#not a comment'}"];
    const want = runNumpy<unknown[]>(`
import ast
print(json.dumps([ast.literal_eval(t) for t in json.loads(sys.stdin.read())]))`, JSON.stringify(texts));
    const plain = (v: PyValue): unknown =>
      v.kind === 'int' ? Number(v.value) : v.kind === 'tuple' || v.kind === 'list' ? v.items.map(plain) : v.kind === 'dict' ? Object.fromEntries(v.entries.map(([k, x]) => [(k as { value: string }).value, plain(x)])) : (v as { value: unknown }).value;
    expect(texts.map((t) => plain(parsePyLiteral(t)))).toEqual(want);
    expect(() => parsePyLiteral('(1, # unclosed)')).toThrow(PyLiteralError);
  });
});

describe('parsePyLiteral', () => {
  test('reads every string pyStrRepr writes back to the same string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 20 }), (s) => {
        const v = parsePyLiteral(pyStrRepr(s));
        return v.kind === 'str' && v.value === s;
      }),
      { numRuns: 2000, seed: 1 },
    );
  });

  test('keeps the Python kind of each value', () => {
    expect(parsePyLiteral("{'a': [1, (2,), (), (3), -4, 5.0, True, False, None]}")).toEqual({
      kind: 'dict',
      entries: [
        [
          { kind: 'str', value: 'a' },
          {
            kind: 'list',
            items: [
              { kind: 'int', value: 1n },
              { kind: 'tuple', items: [{ kind: 'int', value: 2n }] },
              { kind: 'tuple', items: [] },
              { kind: 'int', value: 3n },
              { kind: 'int', value: -4n },
              { kind: 'float', value: 5 },
              { kind: 'bool', value: true },
              { kind: 'bool', value: false },
              { kind: 'none' },
            ],
          },
        ],
      ],
    });
  });

  test('reads ints beyond 2**64 exactly', () => {
    expect(parsePyLiteral('123456789012345678901234567890')).toEqual({ kind: 'int', value: 123456789012345678901234567890n });
    expect(parsePyLiteral('0x_ff')).toEqual({ kind: 'int', value: 255n });
  });

  test('joins adjacent strings and reads the u prefix', () => {
    expect(parsePyLiteral(`'a' "b"  u'c'`)).toEqual({ kind: 'str', value: 'abc' });
  });

  test('reads the long suffix only when asked', () => {
    expect(parsePyLiteral('(3L,)', { allowLongSuffix: true })).toEqual({ kind: 'tuple', items: [{ kind: 'int', value: 3n }] });
    expect(() => parsePyLiteral('(3L,)')).toThrow(PyLiteralError);
  });

  test("drops the long suffix as NumPy's _filter_header does: a name token `L` after a number", () => {
    const opts = { allowLongSuffix: true };
    const int = (v: bigint) => ({ kind: 'int', value: v });
    expect(parsePyLiteral('(3 L, 0x10L)', opts)).toEqual({ kind: 'tuple', items: [int(3n), int(16n)] });
    expect(parsePyLiteral('1.5L', opts)).toEqual({ kind: 'float', value: 1.5 });
    // `l` is a name of its own (Python 3 has no long suffix), as is `L1`; an `L` after no number is a name.
    for (const text of ['(3l,)', '(3L1,)', '(L,)', '(3LL,)']) expect(() => parsePyLiteral(text, opts)).toThrow(PyLiteralError);
  });

  test.each([
    ['a call', "__import__('os')", 'is not a literal'],
    ['an attribute', 'os.system', 'is not a literal'],
    ['a bytes literal', "b'x'", 'string prefix b'],
    ['a raw bytes literal', "rb'x'", 'string prefix rb'],
    ['an f-string', "f'x'", 'string prefix f'],
    ['a raw string ending in a backslash', "r'x\\'", 'unterminated string'],
    ['a triple-quoted string', "'''x'''", 'triple-quoted'],
    ['an unterminated string', "'abc", 'unterminated string'],
    ['a set', '{1, 2}', "expected ':'"],
    ['trailing text', '(1,) (2,)', 'after the literal'],
    ['a number glued to a name', '12abc', 'malformed number'],
    ['a complex number', '1.5j', 'malformed number'],
    ['a bad \\x escape', "'\\x4'", 'escape'],
    ['an unclosed list', '[1, 2', "expected ',' or ']'"],
    ['nothing', '   ', 'unexpected end'],
  ])('refuses %s', (_what, text, fragment) => {
    expect(() => parsePyLiteral(text)).toThrow(PyLiteralError);
    expect(() => parsePyLiteral(text)).toThrow(fragment);
  });

  test('refuses nesting deeper than the cap, without overflowing the stack', () => {
    const ok = '['.repeat(MAX_LITERAL_DEPTH) + ']'.repeat(MAX_LITERAL_DEPTH);
    expect(parsePyLiteral(ok).kind).toBe('list');
    const deep = '['.repeat(100000) + ']'.repeat(100000);
    expect(() => parsePyLiteral(deep)).toThrow(`deeper than ${MAX_LITERAL_DEPTH}`);
  });

  test('pyRepr writes what Python would for header values', () => {
    const v = parsePyLiteral("[('a', '<i4', (2, 3)), ('b', [('c', '|S1')]), ('d', '<f8', (1,))]");
    expect(pyRepr(v)).toBe("[('a', '<i4', (2, 3)), ('b', [('c', '|S1')]), ('d', '<f8', (1,))]");
  });
});

// Workload: genomics-like variant records with fixed bytes fields (chrom S5,
// pos <u4, ref/alt S1, qual <f4, read S12), as a NumPy user handles them:
// sort by a bytes key then position, unique chromosomes with counts,
// searchsorted on the sorted keys for a region, bytes equality filters, and
// k-mer codes from the read bytes viewed as uint8.
import {
  argsort, bincount, equal, greaterEqual, logicalAnd, mean, notEqual, searchsorted,
  sort, unique, take, fromBuffer, sum, leftShift, bitwiseOr, zeros, logicalOr, array, ascontiguousarray, type NdArray,
} from '../../lib';
import { openNpy } from '../../lib/npy/npy';
import { describeWithNumpy } from '../helpers/numpy';
import { useTempDir } from '../helpers/tmp';
import { Workload } from './harness';

const tmp = useTempDir('mmarray-wl-genomics-');

const PY = `
rng = np.random.default_rng(31)
n = 20000
dt = np.dtype([('chrom', 'S5'), ('pos', '<u4'), ('ref', 'S1'), ('alt', 'S1'), ('qual', '<f4'), ('read', 'S12')])
v = np.zeros(n, dt)
chroms = np.array([b'chr1', b'chr2', b'chr10', b'chrX', b'chrM', b'chr2\\0'[:4]], dtype='S5')
v['chrom'] = chroms[rng.integers(0, 5, n)]
v['pos'] = rng.integers(1, 5_000_000, n)
acgt = np.frombuffer(b'ACGT', dtype='S1')
v['ref'] = acgt[rng.integers(0, 4, n)]
v['alt'] = acgt[rng.integers(0, 4, n)]
v['qual'] = np.round(rng.uniform(0, 60, n), 1)
v['read'] = np.frombuffer(acgt[rng.integers(0, 4, n * 12)].tobytes(), dtype='S12')
v['read'][:3] = [b'ACGT', b'', b'AAAAAAAAAAAA']
np.save('variants.npy', v)

v = np.load('variants.npy', mmap_mode='r')
s = np.sort(v, order=['chrom', 'pos'])
out('sorted', s)
o = np.argsort(v['chrom'], kind='stable')
out('o', o)
keys = v['chrom'][o]
out('keys', keys)
u, first, cnt = np.unique(v['chrom'], return_index=True, return_counts=True)
out('u', u)
out('first', first)
out('cnt', cnt)
lo = np.searchsorted(s['chrom'], b'chr2')
hi = np.searchsorted(s['chrom'], b'chr2', side='right')
out('lohi', np.array([lo, hi]))
chr2 = s[lo:hi]
a, b = np.searchsorted(chr2['pos'], [1_000_000, 2_000_000])
out('region', chr2[a:b])
snv = v[(v['ref'] != v['alt']) & (v['qual'] >= 30)]
out('snv', snv)
ti = ((v['ref'] == b'A') & (v['alt'] == b'G')) | ((v['ref'] == b'C') & (v['alt'] == b'T'))
out('ti', ti.sum())
out('qual_by_chrom', np.bincount(np.searchsorted(u, v['chrom']), weights=v['qual']))
err('view_field', lambda: v['read'].view('u1'))
rb = np.ascontiguousarray(v['read']).view('u1').reshape(n, 12)
out('rb', rb)
code = np.zeros(256, 'u1')
code[np.frombuffer(b'ACGT', 'u1')] = [0, 1, 2, 3]
c = code[rb]
out('c', c)
k = (c[:, 0:4].astype('<u2') << 6) | (c[:, 1:5].astype('<u2') << 4)
out('k', k)
kmer = np.zeros(n, '<u4')
for j in range(8):
    kmer = (kmer << 2) | c[:, j]
out('kmer', kmer)
ku, kc = np.unique(kmer, return_counts=True)
out('top_kmer', ku[np.argsort(kc, kind='stable')[-5:]])
out('gc', ((rb == ord('G')) | (rb == ord('C'))).mean(axis=1))
`;

describeWithNumpy('workload: genomics-like bytes records', () => {
  test('bytes-key sort, unique counts, region by searchsorted, k-mers match NumPy', () => {
    const w = new Workload(tmp, 'genomics', PY);
    const v = openNpy(w.file('variants.npy'), { mode: 'r' });
    const n = v.shape[0];
    const s = sort(v, { order: ['chrom', 'pos'] });
    w.same('sorted', s);
    const o = argsort(v.field('chrom'), { kind: 'stable' });
    w.same('o', o);
    w.same('keys', take(v.field('chrom'), o));
    const { values: u, index: first, counts: cnt } = unique(v.field('chrom'), { returnIndex: true, returnCounts: true });
    w.same('u', u);
    w.same('first', first!);
    w.same('cnt', cnt!);
    const key = fromBuffer(new TextEncoder().encode('chr2\0'), 'S5').reshape([]);
    const lo = Number(searchsorted(s.field('chrom'), key).get());
    const hi = Number(searchsorted(s.field('chrom'), key, { side: 'right' }).get());
    w.same('lohi', fromBuffer(new BigInt64Array([BigInt(lo), BigInt(hi)]), '<i8'));
    const chr2 = s.index(`${lo}:${hi}`);
    const ab = searchsorted(chr2.field('pos'), fromBuffer(new Uint32Array([1_000_000, 2_000_000]), '<u4'));
    const [a, b] = (ab.toArray() as bigint[]).map(Number);
    w.same('region', chr2.index(`${a}:${b}`));
    w.same('snv', v.index(logicalAnd(notEqual(v.field('ref'), v.field('alt')), greaterEqual(v.field('qual'), 30))));
    const ref = v.field('ref');
    const alt = v.field('alt');
    const b1 = (x: string) => array(x);
    const ti = logicalOr(logicalAnd(equal(ref, b1('A')), equal(alt, b1('G'))), logicalAnd(equal(ref, b1('C')), equal(alt, b1('T'))));
    w.same('ti', sum(ti));
    w.same('qual_by_chrom', bincount(searchsorted(u, v.field('chrom')), { weights: v.field('qual') }));
    w.raises('view_field', () => v.field('read').view('u1'));
    const rb = ascontiguousarray(v.field('read')).view('u1').reshape(n, 12);
    w.same('rb', rb);
    const code = zeros(256, 'u1');
    code.set([fromBuffer(new TextEncoder().encode('ACGT'), 'u1')], [0, 1, 2, 3]);
    const c = code.index(rb);
    w.same('c', c);
    w.same('k', bitwiseOr(leftShift(c.index(':, 0:4').astype('<u2'), 6), leftShift(c.index(':, 1:5').astype('<u2'), 4)));
    let kmer: NdArray = zeros(n, '<u4');
    for (let j = 0; j < 8; j++) kmer = bitwiseOr(leftShift(kmer, 2), c.index(`:, ${j}`));
    w.same('kmer', kmer);
    const { values: ku, counts: kc } = unique(kmer, { returnCounts: true });
    w.same('top_kmer', take(ku, argsort(kc!, { kind: 'stable' }).index('-5:')));
    w.same('gc', mean(logicalOr(equal(rb, 'G'.charCodeAt(0)), equal(rb, 'C'.charCodeAt(0))), 1));
    v.close();
    w.allChecked();
  });
});

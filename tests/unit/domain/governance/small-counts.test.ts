/**
 * Counts for governors: a count of 1 or 2 can point at a child in a small school, so it is hidden,
 * and so is anything it could be worked out from.
 */
import { suppressSmallCounts } from '../../../../bot/src/domain/governance/small-counts';

describe('hiding small counts from governors', () => {
  it.each([
    [[0, 0, 0], 0, { counts: [0, 0, 0], total: 0 }, 'nothing to hide: zeros identify nobody'],
    [[5, 3, 0], 8, { counts: [5, 3, 0], total: 8 }, 'every count 3 or more'],
    [[1, 1, 1, 4], 7, { counts: [null, null, null, 4], total: 7 }, 'several small counts: each hidden, none can be worked out'],
    [[2, 5, 9], 16, { counts: [null, null, 9], total: 16 }, 'one small count: the next smallest hidden too, or 16 − 5 − 9 gives it away'],
    [[4, 1, 3, 0], 8, { counts: [4, null, null, 0], total: 8 }, 'the next smallest is hidden, never a zero'],
    [[2, 0, 0], 2, { counts: [null, 0, 0], total: null }, 'one small count and nothing else: the total is hidden with it'],
    [[1, 1, 0], 2, { counts: [null, null, 0], total: null }, 'a total under 3 is hidden'],
    [[3], 3, { counts: [3], total: 3 }, 'exactly 3 is shown'],
    [[2, 5, 9], undefined, { counts: [null, 5, 9] }, 'no total shown: only the small count is hidden'],
  ] as [number[], number | undefined, { counts: (number | null)[]; total?: number | null }, string][])(
    '%j of %i → %j (%s)',
    (counts, total, expected) => {
      expect(suppressSmallCounts(counts, total)).toEqual(expected);
    },
  );
});

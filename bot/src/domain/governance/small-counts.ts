/** Counts under this are not shown to governors: in a small school a count of 1 or 2 can point at a child. */
export const SMALLEST_SHOWN = 3;

/** A count as a governor sees it: the number, or `null` for "fewer than 3" (never 0: a zero identifies nobody). */
export type ShownCount = number | null;

/**
 * Hides the counts of one breakdown (by category, or by month) that could identify someone: every
 * count of 1 or 2; and, where the total is shown too, enough others that none can be worked out
 * from it. With the total shown, a single hidden count is the total minus the others, so the next
 * smallest count is hidden with it; a total under 3 is hidden too.
 */
export function suppressSmallCounts(counts: readonly number[], total?: number): { counts: ShownCount[]; total?: ShownCount } {
  const hidden = counts.map((count) => count > 0 && count < SMALLEST_SHOWN);
  if (total !== undefined && hidden.filter(Boolean).length === 1) {
    const next = counts.reduce<number | undefined>(
      (smallest, count, index) => (count > 0 && !hidden[index] && (smallest === undefined || count < counts[smallest]!) ? index : smallest),
      undefined,
    );
    if (next !== undefined) hidden[next] = true;
  }
  const shown = counts.map((count, index) => (hidden[index] ? null : count));
  if (total === undefined) return { counts: shown };
  return { counts: shown, total: total > 0 && total < SMALLEST_SHOWN ? null : total };
}

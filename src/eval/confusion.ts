/**
 * @module eval/confusion
 * Confusion counts (gold → predicted) and the pairs of intents most often mistaken for each other.
 */

export interface ConfusedPair {
  gold: string;
  predicted: string;
  count: number;
}

/** Sparse confusion matrix: `counts.get(gold)?.get(predicted)` examples. */
export function confusionCounts(pairs: readonly { gold: string; predicted: string }[]): Map<string, Map<string, number>> {
  const counts = new Map<string, Map<string, number>>();
  for (const { gold, predicted } of pairs) {
    let row = counts.get(gold);
    if (!row) counts.set(gold, (row = new Map()));
    row.set(predicted, (row.get(predicted) ?? 0) + 1);
  }
  return counts;
}

/**
 * Off-diagonal cells, most frequent first; ties by gold then predicted name so reports are stable.
 * @example confusedPairs(pairs, 10)[0] // { gold: 'refund.status', predicted: 'refund.request', count: 4 }
 */
export function confusedPairs(pairs: readonly { gold: string; predicted: string }[], limit = Infinity): ConfusedPair[] {
  const out: ConfusedPair[] = [];
  for (const [gold, row] of confusionCounts(pairs)) {
    for (const [predicted, count] of row) if (predicted !== gold) out.push({ gold, predicted, count });
  }
  out.sort((a, b) => b.count - a.count || cmp(a.gold, b.gold) || cmp(a.predicted, b.predicted));
  return out.slice(0, limit);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

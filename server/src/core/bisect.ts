/**
 * The one binary search of the code base: where a number goes in a sorted list of integers (offsets,
 * line starts, ends).
 */

/** The first index whose value is >= x (the list's length when there is none): how many values are < x. */
export function lowerBound(sorted: ArrayLike<number>, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The first index whose value is > x (the list's length when there is none): how many values are <= x. */
export function upperBound(sorted: ArrayLike<number>, x: number): number {
  // The values are integers: > x is >= the next integer above x.
  return lowerBound(sorted, Math.floor(x) + 1);
}

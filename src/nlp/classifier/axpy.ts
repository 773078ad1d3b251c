/**
 * @module nlp/classifier/axpy
 * `y[yBase + c] += a · x[xBase + c]` for c < n, four at a time: the inner loop of training the
 * logistic regression (one call per present feature, forward and backward). Unrolling lets V8
 * keep fewer bounds checks per element; each element's arithmetic is unchanged, so results are
 * bit-identical to the plain loop.
 */
export function axpy(y: Float64Array, yBase: number, a: number, x: Float64Array, xBase: number, n: number): void {
  const n4 = n & ~3;
  let c = 0;
  for (; c < n4; c += 4) {
    y[yBase + c] = (y[yBase + c] as number) + a * (x[xBase + c] as number);
    y[yBase + c + 1] = (y[yBase + c + 1] as number) + a * (x[xBase + c + 1] as number);
    y[yBase + c + 2] = (y[yBase + c + 2] as number) + a * (x[xBase + c + 2] as number);
    y[yBase + c + 3] = (y[yBase + c + 3] as number) + a * (x[xBase + c + 3] as number);
  }
  for (; c < n; c++) y[yBase + c] = (y[yBase + c] as number) + a * (x[xBase + c] as number);
}

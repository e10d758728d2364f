/**
 * A run-off triangle: one row per origin (cohort), one column per development age, `null` where
 * the value is not yet known. Known values of a row are a prefix: ages are only ever observed in
 * order. Values are amounts (fen as numbers for recovery triangles); `exposure` is what each origin
 * was exposed with (the charged-off balance of a static pool), when known.
 */
export interface Triangle {
  origins: readonly string[];
  ages: readonly number[];
  kind: 'cumulative' | 'incremental';
  values: readonly (readonly (number | null)[])[];
  exposure?: readonly number[];
}

/** How many leading values of a row are known. */
export function knownLength(row: readonly (number | null)[]): number {
  const firstUnknown = row.indexOf(null);
  return firstUnknown === -1 ? row.length : firstUnknown;
}

/** Running sums along each row: C(i, k) = Σ_{j ≤ k} X(i, j). A cumulative triangle is returned as is. */
export function cumulativeOf(triangle: Triangle): Triangle {
  if (triangle.kind === 'cumulative') return triangle;
  const values = triangle.values.map((row) => {
    let sum = 0;
    return row.map((value) => (value === null ? null : (sum += value)));
  });
  return { ...triangle, kind: 'cumulative', values };
}

/** Differences along each row: X(i, k) = C(i, k) − C(i, k − 1). An incremental triangle is returned as is. */
export function incrementalOf(triangle: Triangle): Triangle {
  if (triangle.kind === 'incremental') return triangle;
  const values = triangle.values.map((row) =>
    row.map((value, k) => (value === null ? null : value - (k === 0 ? 0 : (row[k - 1] ?? 0)))),
  );
  return { ...triangle, kind: 'incremental', values };
}

/** The latest known cumulative value of each origin (the diagonal). */
export function latestCumulative(triangle: Triangle): number[] {
  return cumulativeOf(triangle).values.map((row) => row[knownLength(row) - 1] ?? 0);
}

/**
 * The triangle per unit of exposure, value ÷ exposure: for a recovery triangle, collections per
 * unit of charged-off balance (the static-pool recovery rates).
 * @throws RangeError when the triangle has no exposure
 */
export function perUnitOfExposure(triangle: Triangle): (number | null)[][] {
  const { exposure } = triangle;
  if (!exposure) throw new RangeError('the triangle has no exposure');
  return triangle.values.map((row, i) =>
    row.map((value) => (value === null ? null : value / (exposure[i] ?? NaN))),
  );
}

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

/**
 * Checks the shape: one row per origin, one value per age, known values a non-empty prefix of
 * each row, exposure (if any) positive and one per origin.
 * @throws RangeError naming the first violation
 */
export function assertTriangle(triangle: Triangle): void {
  const { origins, ages, values, exposure } = triangle;
  if (origins.length === 0 || ages.length === 0)
    throw new RangeError('a triangle needs at least one origin and one age');
  if (values.length !== origins.length)
    throw new RangeError(`${values.length} rows for ${origins.length} origins`);
  values.forEach((row, i) => {
    if (row.length !== ages.length)
      throw new RangeError(`row ${origins[i]} has ${row.length} values for ${ages.length} ages`);
    const known = knownLength(row);
    if (known === 0) throw new RangeError(`row ${origins[i]} has no known value`);
    if (row.slice(known).some((value) => value !== null))
      throw new RangeError(`row ${origins[i]} has a gap before a known value`);
    if (row.slice(0, known).some((value) => !Number.isFinite(value)))
      throw new RangeError(`row ${origins[i]} has a value that is not a finite number`);
  });
  if (exposure && (exposure.length !== origins.length || exposure.some((e) => !(e > 0)))) {
    throw new RangeError('exposure must be one positive number per origin');
  }
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

/** A cumulative triangle of amounts from rows with `null` for the unknown future, as published triangles are given. */
export function cumulativeTriangle(
  origins: readonly (string | number)[],
  values: readonly (readonly (number | null)[])[],
  exposure?: readonly number[],
): Triangle {
  const ages = (values[0] ?? []).map((_, k) => k);
  const triangle: Triangle = {
    origins: origins.map(String),
    ages,
    kind: 'cumulative',
    values,
    ...(exposure ? { exposure } : {}),
  };
  assertTriangle(triangle);
  return triangle;
}

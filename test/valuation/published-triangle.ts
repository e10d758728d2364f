import { knownLength, type Triangle } from '../../src/valuation/maths/triangle';

// Published triangles as the tests build them: rows with `null` for the unknown future, their
// shape checked. The platform builds its triangles from the book (`buildRecoveryTriangle`).

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

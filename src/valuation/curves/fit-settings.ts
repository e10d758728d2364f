import type { curveSets } from '../../../db';
import { Problem } from '../../shared';
import type { FitSettings } from './fit-schemas';
import type { SegmentDimension } from '../history';

/** The columns that record how curves were fitted, as a curve set and a back-test store them. */
export function fitSettingsColumns(settings: FitSettings) {
  return {
    cohortGrain: settings.cohort,
    method: settings.method,
    dimensions: JSON.stringify(settings.dimensions),
    balanceBandEdgesYuan: JSON.stringify(settings.balanceBandEdgesYuan),
    horizonMonths: settings.horizonMonths,
    credibilityK: settings.credibilityK,
    tailFromAge: settings.tailFromAge,
  };
}

/** The columns of `fitSettingsColumns` read back, as the API shows them. */
export function storedFitSettings(
  row: Pick<typeof curveSets.$inferSelect, keyof ReturnType<typeof fitSettingsColumns>>,
) {
  return {
    cohort: row.cohortGrain,
    method: row.method,
    dimensions: JSON.parse(row.dimensions) as SegmentDimension[],
    balanceBandEdgesYuan: JSON.parse(row.balanceBandEdgesYuan) as number[],
    horizonMonths: row.horizonMonths,
    credibilityK: row.credibilityK,
    tailFromAge: row.tailFromAge,
  };
}

/**
 * Runs a fit, turning a history that cannot be fitted (no complete month, rates that never
 * decay…) into a `conflict`: the request is valid, the book does not support it.
 */
export function fitOrConflict<T>(what: string, fit: () => T): T {
  try {
    return fit();
  } catch (error) {
    if (error instanceof RangeError)
      throw new Problem(
        'conflict',
        `the book's history does not support ${what}: ${error.message}`,
      );
    throw error;
  }
}

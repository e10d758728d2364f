import { additiveMethod } from './additive';
import type { SeededRandom } from './random';
import { incrementalOf, type Triangle } from './triangle';

/** The additive method's fit of a triangle, kept to draw pseudo-triangles from. */
export interface AdditiveBootstrap {
  triangle: Triangle;
  /** m(i,k) = Eᵢ · ζₖ where the value is known, null elsewhere. */
  fitted: (number | null)[][];
  /** Residuals standardised by their age band's φ and scaled by √(n ÷ (n − p)) for the degrees of freedom the fit used. */
  residuals: number[];
  /** The over-dispersion φₖ at each observed age: Var(X(i,k)) = φₖ · m(i,k). */
  scaleByAge: number[];
  /** σ²: the variance of a cohort's own level around the pooled curve (`cohortVariance`). */
  cohortVariance: number;
}

/** Ages are banded until a band holds this many residuals, so that each band's φ rests on enough cells. */
const MIN_CELLS_PER_BAND = 40;

/**
 * Prepares the residual bootstrap of the additive method, after England and Verrall (2002),
 * "Stochastic claims reserving in general insurance", British Actuarial Journal 8(3), §7, with
 * the additive method's mean m(i,k) = Eᵢ ζₖ in place of the chain ladder's: Pearson residuals
 * r = (X − m) ÷ √m, and φ = Σ r² ÷ (n − p) over n cells and p ζ's. φ is estimated per band of
 * consecutive ages (Shapland 2016, "Using the ODP bootstrap model", CAS Monograph 4, §4.1:
 * heteroscedasticity adjustment), because the spread of collections per unit collected grows as
 * fewer accounts pay in later months: residuals are standardised by their band's φ before they
 * are pooled. Ages known for one origin only fit their cell exactly (r = 0 by construction) and
 * are left out of the residuals.
 * @example prepareAdditiveBootstrap(history).scaleByAge[0] // φ₀ in the triangle's units (fen)
 * @throws RangeError when the triangle has no exposure or too few cells to estimate φ
 */
export function prepareAdditiveBootstrap(triangle: Triangle): AdditiveBootstrap {
  const incremental = incrementalOf(triangle);
  const { zeta } = additiveMethod(incremental);
  const exposure = incremental.exposure ?? [];
  const fitted = incremental.values.map((row, i) =>
    row.map((value, k) => (value === null ? null : (exposure[i] ?? 0) * (zeta[k] ?? 0))),
  );
  const byAge = incremental.ages.map((_, k) =>
    incremental.values.flatMap((row, i) => {
      const value = row[k];
      const mean = fitted[i]?.[k];
      return value != null && mean != null && mean > 0 ? [(value - mean) / Math.sqrt(mean)] : [];
    }),
  );
  const bands = ageBands(byAge);
  const residuals: number[] = [];
  const scaleByAge = incremental.ages.map(() => NaN);
  for (const ages of bands) {
    const cells = ages.flatMap((k) => byAge[k] ?? []);
    const freedom = cells.length - ages.length;
    const scale = cells.reduce((sum, r) => sum + r * r, 0) / freedom;
    const standardise = Math.sqrt(cells.length / freedom / scale);
    residuals.push(...cells.map((r) => r * standardise));
    for (const k of ages) scaleByAge[k] = scale;
  }
  // Ages past the last band (single-origin ages) take the last band's φ.
  const last = scaleByAge.findLast((scale) => !Number.isNaN(scale));
  if (last === undefined || !(last > 0))
    throw new RangeError(
      'too few cells to estimate the over-dispersion: the history needs more cohorts',
    );
  const scales = scaleByAge.map((scale) => (Number.isNaN(scale) ? last : scale));
  return {
    triangle: incremental,
    fitted,
    residuals,
    scaleByAge: scales,
    cohortVariance: cohortVariance(incremental, fitted, scales),
  };
}

/**
 * σ², how far a cohort's level strays from the pooled curve beyond the process noise: vintages
 * differ (economy, underwriting, who bought the paper), and a forecast on the pooled curve misses
 * a cohort's future by as much as it missed its past. With a cohort factor fᵢ of mean 1 and
 * variance σ² on every cell of a row, Aᵢ = Σₖ X(i,k) has E(Aᵢ − Eᵢ)² = σ² Eᵢ² + Vᵢ, where
 * Eᵢ = Σₖ m(i,k) and Vᵢ = Σₖ φₖ m(i,k); by the method of moments over the n cohorts, with n ÷ (n − 1)
 * for the level the pooled fit took from them,
 * σ² = max(0, n ÷ (n − 1) · Σᵢ [(Aᵢ − Eᵢ)² − Vᵢ] ÷ Σᵢ Eᵢ²).
 */
function cohortVariance(
  triangle: Triangle,
  fitted: readonly (number | null)[][],
  scaleByAge: readonly number[],
): number {
  let excess = 0;
  let weight = 0;
  triangle.values.forEach((row, i) => {
    let actual = 0;
    let expected = 0;
    let process = 0;
    row.forEach((value, k) => {
      const mean = fitted[i]?.[k];
      if (value === null || mean == null) return;
      actual += value;
      expected += mean;
      process += (scaleByAge[k] ?? 0) * Math.max(0, mean);
    });
    excess += (actual - expected) ** 2 - process;
    weight += expected * expected;
  });
  const n = triangle.values.length;
  return n > 1 && weight > 0 ? Math.max(0, ((n / (n - 1)) * excess) / weight) : 0;
}

/** φ at any age, the oldest observed age's φ continuing past it. */
export function scaleAtAge(bootstrap: AdditiveBootstrap, age: number): number {
  return bootstrap.scaleByAge[Math.min(age, bootstrap.scaleByAge.length - 1)] ?? NaN;
}

/**
 * A pseudo-triangle: X*(i,k) = m(i,k) + r* √(φₖ m(i,k)), r* drawn with replacement from the
 * standardised residuals; refitting it gives one bootstrap draw of the ζ's.
 */
export function resampleTriangle(bootstrap: AdditiveBootstrap, random: SeededRandom): Triangle {
  const { residuals } = bootstrap;
  const values = bootstrap.fitted.map((row) =>
    row.map((mean, k) =>
      mean === null || mean <= 0
        ? mean
        : mean +
          (residuals[random.below(residuals.length)] ?? 0) *
            Math.sqrt(scaleAtAge(bootstrap, k) * mean),
    ),
  );
  return { ...bootstrap.triangle, values };
}

/** Consecutive ages with at least two residuals, grouped until a band holds MIN_CELLS_PER_BAND; a short last band joins the one before. */
function ageBands(byAge: readonly number[][]): number[][] {
  const bands: number[][] = [];
  let current: number[] = [];
  let cells = 0;
  byAge.forEach((residuals, k) => {
    if (residuals.length < 2) return;
    current.push(k);
    cells += residuals.length;
    if (cells >= MIN_CELLS_PER_BAND) {
      bands.push(current);
      current = [];
      cells = 0;
    }
  });
  if (current.length > 0) {
    const previous = bands.pop();
    bands.push(previous ? [...previous, ...current] : current);
  }
  return bands;
}

import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Triangle } from '../../src/valuation/maths/triangle';
import { cumulativeTriangle } from './published-triangle';

/** The published chain-ladder fixtures, with their sources in the folder's README.md. */
const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/chainladder');

export interface MackExpectation {
  f_volume_weighted: number[];
  cdf_to_ultimate: number[];
  sigma: number[];
  f_se: number[];
  latest: number[];
  ultimate: number[];
  ibnr: number[];
  mack_se_by_origin: number[];
  total_latest: number;
  total_ultimate: number;
  total_ibnr: number;
  total_mack_se: number;
}

export interface PublishedTriangle {
  origins: number[];
  cumulative: (number | null)[][];
  mack_log_linear: MackExpectation;
  mack_mack: MackExpectation;
}

export interface AdditiveSample {
  origins: number[];
  exposure: number[];
  cumulative: (number | null)[][];
  zeta_incremental_rates: number[];
  cum_zeta: number[];
  ultimate: number[];
  ibnr: number[];
}

interface Expected {
  RAA: PublishedTriangle;
  GenIns: PublishedTriangle;
  Mortgage: PublishedTriangle;
  IA_sample_additive: AdditiveSample;
  _published_checks: Record<string, unknown>;
}

export const expected = JSON.parse(
  readFileSync(path.join(FIXTURES, 'expected.json'), 'utf8'),
) as Expected;

export function triangleOf(name: 'RAA' | 'GenIns' | 'Mortgage'): Triangle {
  return cumulativeTriangle(expected[name].origins, expected[name].cumulative);
}

/** A published check by the start of its key (the keys cite their sources in full). */
export function publishedCheck<T>(keyStart: string): T {
  const key = Object.keys(expected._published_checks).find((k) => k.startsWith(keyStart));
  if (!key) throw new Error(`no published check starting with ${keyStart}`);
  return expected._published_checks[key] as T;
}

/** Relative closeness, |a − b| ≤ tolerance · max(|b|, 1). */
export function expectClose(
  actual: readonly number[],
  wanted: readonly number[],
  tolerance: number,
): void {
  if (actual.length < wanted.length)
    throw new Error(`got ${actual.length} values, wanted ${wanted.length}`);
  wanted.forEach((w, i) => {
    const a = actual[i] ?? NaN;
    if (!(Math.abs(a - w) <= tolerance * Math.max(Math.abs(w), 1)))
      throw new Error(`value ${i}: got ${a}, wanted ${w} (tolerance ${tolerance})`);
  });
}

/** Agreement to the precision a published table prints: each value within half a unit of its last printed digit. */
export function expectAsPublished(actual: readonly number[], published: readonly number[]): void {
  published.forEach((p, i) => {
    const decimals = String(p).split('.')[1]?.length ?? 0;
    const a = actual[i] ?? NaN;
    if (!(Math.abs(a - p) <= 0.5 * 10 ** -decimals + 1e-12))
      throw new Error(`value ${i}: got ${a}, published ${p}`);
  });
}

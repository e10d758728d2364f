import { asFen, defaultPortfolioBands, type PortfolioBands, formatFen } from '../../shared';

export { defaultPortfolioBands, type PortfolioBands };

/** Bands as lower edges (in the unit of the values banded) and one label per band. */
export interface BandScale {
  edges: readonly number[];
  labels: readonly string[];
}

/**
 * Checks that band edges start at 0 and increase strictly, so that every value ≥ 0 falls in
 * exactly one band and the rows of a strat add up to its totals.
 * @throws Error naming the list and the first broken rule
 */
function assertValidEdges(name: string, edges: readonly number[], unit: 'integer' | 'yuan'): void {
  const fail = (rule: string) => {
    throw new Error(`portfolio band edges "${name}" are invalid: ${rule}`);
  };
  if (edges.length === 0) fail('there are none');
  if (edges[0] !== 0) fail('the first edge must be 0');
  edges.forEach((edge, index) => {
    const whole =
      unit === 'integer'
        ? Number.isInteger(edge)
        : Number.isInteger(Math.round(edge * 100)) &&
          Math.abs(edge * 100 - Math.round(edge * 100)) < 1e-6;
    if (!whole)
      fail(
        `${edge} is not ${unit === 'integer' ? 'a whole number' : 'an amount in yuan with at most 2 decimals'}`,
      );
    if (index > 0 && edge <= (edges[index - 1] ?? 0))
      fail(`${edge} does not increase on the edge before it`);
  });
}

/** The default bands with `overrides` over them, each list checked. */
export function resolvePortfolioBands(overrides: Partial<PortfolioBands> = {}): PortfolioBands {
  const bands = { ...defaultPortfolioBands, ...overrides };
  assertValidEdges('balanceYuan', bands.balanceYuan, 'yuan');
  for (const name of [
    'monthsSinceChargeOff',
    'dpdAtChargeOff',
    'monthsSinceLastPayment',
    'borrowerAgeYears',
  ] as const)
    assertValidEdges(name, bands[name], 'integer');
  assertValidEdges(
    'chargeOffAge',
    bands.chargeOffAge.map((band) => band.fromMonths),
    'integer',
  );
  if (new Set(bands.chargeOffAge.map((band) => band.label)).size !== bands.chargeOffAge.length)
    throw new Error('portfolio band labels "chargeOffAge" must be distinct');
  return bands;
}

/**
 * Bands of whole numbers labelled by their range: edges [0, 6, 12] → "0–5", "6–11", "12+".
 * @example integerBands([0, 6, 12]).labels // ['0–5', '6–11', '12+']
 */
export function integerBands(edges: readonly number[]): BandScale {
  return {
    edges,
    labels: edges.map((edge, i) =>
      rangeLabel(
        String(edge),
        edges[i + 1] === undefined ? undefined : String(edges[i + 1]! - 1),
        edges[i + 1] === edge + 1,
      ),
    ),
  };
}

/**
 * Bands of amounts in fen labelled in yuan: edges in yuan [0, 1000] → "0.00–999.99", "1000.00+".
 * @example moneyBands([0, 1000]).edges // [0, 100000] (fen)
 */
export function moneyBands(edgesYuan: readonly number[]): BandScale {
  const edges = edgesYuan.map((yuan) => asFen(Math.round(yuan * 100)));
  return {
    edges,
    labels: edges.map((edge, i) =>
      rangeLabel(
        formatFen(edge),
        edges[i + 1] === undefined ? undefined : formatFen(asFen(edges[i + 1]! - 1)),
        edges[i + 1] === edge + 1,
      ),
    ),
  };
}

/** Bands named by the trade: the edges and labels of `classes`. */
export function namedBands(classes: readonly { fromMonths: number; label: string }[]): BandScale {
  return {
    edges: classes.map((band) => band.fromMonths),
    labels: classes.map((band) => band.label),
  };
}

function rangeLabel(low: string, high: string | undefined, single: boolean): string {
  if (high === undefined) return `${low}+`;
  return single ? low : `${low}–${high}`;
}

import { linkRatioWeight, type Averaging } from './age-to-age';
import { chainLadder, type ChainLadderResult } from './chain-ladder';
import { developmentSigmas, extrapolateSigmas, type SigmaExtrapolation } from './mack-sigma';
import { tailStandardErrors, type MackTail } from './mack-tail';
import { cumulativeOf, type Triangle } from './triangle';

export interface MackOptions {
  sigma?: SigmaExtrapolation;
  average?: Averaging;
  tail?: MackTail;
}

interface MackResult extends ChainLadderResult {
  /** σₖ per link (the tail's last when there is a tail). */
  sigma: number[];
  /** Standard error of each factor: se(fₖ) = σₖ ÷ √Σᵢ wᵢₖ. */
  factorSe: number[];
  /** Standard error of each origin's link ratio on the completed triangle: σₖ ÷ √w(Ĉᵢₖ) (R's F.se). */
  linkRatioSe: number[][];
  /** Prediction standard error of Ĉᵢₖ by origin and age, the tail a last column (R's Mack.S.E). */
  seByAge: number[][];
  /** Prediction standard error of each origin's ultimate (and so of its reserve). */
  se: number[];
  /** Its two parts, se² = process² + parameter²: the randomness of the future itself, and the error of the estimated factors. */
  processSe: number[];
  parameterSe: number[];
  totalSe: number;
  totalProcessSe: number;
  totalParameterSe: number;
}

/**
 * Mack's standard errors of chain-ladder reserves, by the recursion of Mack (1999) with R
 * ChainLadder's conventions: for each future cell
 *   process²(i,k+1) = Ĉ²ᵢₖ · se(Fᵢₖ)² + process²(i,k) · f²ₖ,
 *   parameter²(i,k+1) = Ĉ²ᵢₖ · se(fₖ)² + parameter²(i,k) · f²ₖ,
 * and for the total over origins the process variances add while the parameter recursion runs on
 * Mₖ = Σ Ĉᵢₖ over the origins still developing: P²(k+1) = M²ₖ · se(fₖ)² + P²(k) · f²ₖ. Without a
 * tail this equals Mack's (1993) closed form. The σ of the last links comes from `extrapolateSigmas`;
 * a tail factor's se and σ from `tailStandardErrors` unless given.
 * @example mack(raa, { sigma: 'mack' }).totalSe // 26909.01 (Mack 1994 p130 by origin: 206, 623, …, 24566)
 * @throws RangeError as `chainLadder`, `extrapolateSigmas` and `tailStandardErrors`
 */
export function mack(triangle: Triangle, options: MackOptions = {}): MackResult {
  const average = options.average ?? 'volume';
  const cumulative = cumulativeOf(triangle);
  const ladder = chainLadder(cumulative, {
    average,
    ...(options.tail ? { tailFactor: options.tail.factor } : {}),
  });
  const links = ladder.factors.slice(0, -1);
  const weightSums = links.map((_, k) =>
    cumulative.values.reduce(
      (sum, row) =>
        sum + (row[k + 1] != null && row[k] != null ? linkRatioWeight(row[k] ?? 0, average) : 0),
      0,
    ),
  );
  const sigma = extrapolateSigmas(
    developmentSigmas(cumulative, links, average),
    options.sigma ?? 'log-linear',
  );
  const factorSe = sigma.map((s, k) => s / Math.sqrt(weightSums[k] ?? NaN));
  const factors = [...links];
  if (options.tail) {
    const tail = tailStandardErrors(links, factorSe, sigma, options.tail);
    factors.push(options.tail.factor);
    factorSe.push(tail.se);
    sigma.push(tail.sigma);
  }
  const full = ladder.projected.map((row, i) =>
    options.tail ? [...row, ladder.ultimate[i] ?? 0] : row,
  );
  const linkRatioSe = full.map((row) =>
    sigma.map((s, k) => s / Math.sqrt(linkRatioWeight(row[k] ?? NaN, average))),
  );
  const risk = recursiveRisk(cumulative, full, factors, factorSe, linkRatioSe);
  const last = factors.length;
  const seByAge = risk.process.map((row, i) =>
    row.map((p, k) => Math.hypot(p, risk.parameter[i]?.[k] ?? 0)),
  );
  const totalProcessSe = Math.sqrt(
    risk.process.reduce((sum, row) => sum + (row[last] ?? 0) ** 2, 0),
  );
  const totalParameterSe = risk.totalParameter;
  return {
    ...ladder,
    sigma,
    factorSe,
    linkRatioSe,
    seByAge,
    se: seByAge.map((row) => row[last] ?? 0),
    processSe: risk.process.map((row) => row[last] ?? 0),
    parameterSe: risk.parameter.map((row) => row[last] ?? 0),
    totalSe: Math.hypot(totalProcessSe, totalParameterSe),
    totalProcessSe,
    totalParameterSe,
  };
}

function recursiveRisk(
  cumulative: Triangle,
  full: number[][],
  factors: number[],
  factorSe: number[],
  linkRatioSe: number[][],
) {
  const process = full.map((row) => row.map(() => 0));
  const parameter = full.map((row) => row.map(() => 0));
  let totalParameter = 0;
  factors.forEach((f, k) => {
    const fSe = factorSe[k] ?? NaN;
    let developing = 0;
    full.forEach((row, i) => {
      if (cumulative.values[i]?.[k + 1] != null) return;
      const c = row[k] ?? 0;
      const p = process[i] ?? [];
      const q = parameter[i] ?? [];
      // Var(C(i,k+1) | C(i,k) = 0) = 0 in Mack's model, where σ ÷ √w(0) would be 0 · ∞.
      const processVariance = c === 0 ? 0 : c ** 2 * (linkRatioSe[i]?.[k] ?? NaN) ** 2;
      p[k + 1] = Math.sqrt(processVariance + (p[k] ?? 0) ** 2 * f ** 2);
      q[k + 1] = Math.sqrt(c ** 2 * fSe ** 2 + (q[k] ?? 0) ** 2 * f ** 2);
      developing += c;
    });
    totalParameter = Math.sqrt(developing ** 2 * fSe ** 2 + totalParameter ** 2 * f ** 2);
  });
  return { process, parameter, totalParameter };
}

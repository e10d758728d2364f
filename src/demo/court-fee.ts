import { asFen, type Fen } from '../shared';

/** [upper bound of the bracket in yuan, marginal rate in basis points] above the first 10,000 yuan. */
const BRACKETS: readonly (readonly [number, number])[] = [
  [100_000, 250],
  [200_000, 200],
  [500_000, 150],
  [1_000_000, 100],
  [2_000_000, 90],
  [5_000_000, 80],
  [10_000_000, 70],
  [20_000_000, 60],
  [Infinity, 50],
];
const FLAT_BRACKET_YUAN = 10_000;
const FLAT_FEE_FEN = 5_000;

/**
 * The court acceptance fee (案件受理费) of a money claim, 诉讼费用交纳办法 art. 13: 50 yuan up to
 * 10,000 yuan, then progressively 2.5 % to 100,000, 2 % to 200,000, 1.5 % to 500,000, 1 % to
 * 1 million, 0.9 % to 2 million, 0.8 % to 5 million, 0.7 % to 10 million, 0.6 % to 20 million,
 * 0.5 % above; rounded to the fen.
 * @example courtFeeFen(10_000_000) // 230_000 (100,000 yuan → 2,300 yuan)
 */
export function courtFeeFen(claimFen: Fen): Fen {
  let feeFen = FLAT_FEE_FEN;
  let lowerFen = FLAT_BRACKET_YUAN * 100;
  for (const [upperYuan, basisPoints] of BRACKETS) {
    if (claimFen <= lowerFen) break;
    const upperFen = upperYuan * 100;
    feeFen += ((Math.min(claimFen, upperFen) - lowerFen) * basisPoints) / 10_000;
    lowerFen = upperFen;
  }
  return asFen(Math.round(feeFen));
}

import { addFen, type Fen, subtractFen, ZERO_FEN } from '../shared';

/** Write-offs and recoveries of one month and product, from the off-balance register. */
export interface WriteOffFlows {
  /** Loans written off, less write-offs reversed. */
  loansWrittenOff: number;
  writtenOffFen: Fen;
  recoveredFen: Fen;
}

export interface WriteOffMeasures extends WriteOffFlows {
  /** Written off − recovered (negative when recoveries exceed the period's write-offs). */
  netChargeOffFen: Fen;
  /** Recovered ÷ written off, rounded to 4 decimals; null with nothing written off. */
  recoveryRate: number | null;
}

/**
 * The write-off report's measures:
 *   net charge-off = written off − recoveries,  recovery rate = recoveries ÷ written off.
 * @example writeOffMeasures({ loansWrittenOff: 2, writtenOffFen: 10_000, recoveredFen: 1_500 })
 *   // { …, netChargeOffFen: 8_500, recoveryRate: 0.15 }
 */
export function writeOffMeasures(flows: WriteOffFlows): WriteOffMeasures {
  return {
    ...flows,
    netChargeOffFen: subtractFen(flows.writtenOffFen, flows.recoveredFen),
    recoveryRate:
      flows.writtenOffFen === 0
        ? null
        : Math.round((flows.recoveredFen / flows.writtenOffFen) * 10_000) / 10_000,
  };
}

/** The sum of flows, e.g. the report's totals row. */
export function sumFlows(rows: readonly WriteOffFlows[]): WriteOffFlows {
  return rows.reduce(
    (total, row) => ({
      loansWrittenOff: total.loansWrittenOff + row.loansWrittenOff,
      writtenOffFen: addFen(total.writtenOffFen, row.writtenOffFen),
      recoveredFen: addFen(total.recoveredFen, row.recoveredFen),
    }),
    { loansWrittenOff: 0, writtenOffFen: ZERO_FEN, recoveredFen: ZERO_FEN },
  );
}

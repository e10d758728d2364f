import {
  connectionOf,
  type DbOrTx,
  type LitigationStatus,
  type LoanStatus,
  type ScreeningVerdict,
} from '../../../db';
import { type ProductKind, productKey, productKindsByKey } from '../../products';
import type { Fen, IsoDate } from '../../shared';
import { FLAG_BITS, type ScreeningSubject } from '../snapshot';
import { firedRules, verdictOfFired, type RulePack } from './rule-pack';

// The pure rule packs (rule-pack.ts, rule-packs/), called by SQLite as application-defined functions while it
// scans a million rows: handing a function twenty values costs a fraction of reading them out as
// rows, and the verdicts are written by the same statement that computes them. Each use registers
// the function anew with what it must know (the pack, the screening date); the connection is synchronous and used by
// one statement at a time, so no call sees another's. The functions live on the connection, so
// they are registered on the caller's handle's (`connectionOf`).

type SubjectColumns = {
  [K in Exclude<keyof ScreeningSubject, 'asOf' | 'productKind' | keyof typeof FLAG_BITS>]: string;
} & { flags: string };

/**
 * Registers `portfolio_screening(…)`, the ids of the rules of `pack` that fire on a loan as of
 * `asOf` (a JSON array, null when none), and `portfolio_verdict(fired)`, the verdict they make.
 */
export function useScreening(tx: DbOrTx, pack: RulePack, asOf: IsoDate): void {
  const client = connectionOf(tx);
  // The product table is small: its kinds are read once, and each name the loans carry is folded once.
  const kindsByKey = productKindsByKey(tx);
  const kindsByProduct = new Map<string, ProductKind | null>();
  const kindOf = (product: string): ProductKind | null => {
    let kind = kindsByProduct.get(product);
    if (kind === undefined) {
      kind = kindsByKey.get(productKey(product)) ?? null;
      kindsByProduct.set(product, kind);
    }
    return kind;
  };
  client.function(
    'portfolio_screening',
    { deterministic: true },
    (
      status,
      product,
      originationDate,
      birthDate,
      chargeOffDate,
      dpdAtChargeOff,
      claimFen,
      chargeOffFen,
      collectedFen,
      claimOnFileFen,
      lastPaymentDate,
      lastAcknowledgementDate,
      litigationStatus,
      flags,
    ) => {
      const bits = flags as number;
      const subject: ScreeningSubject = {
        asOf,
        status: status as LoanStatus,
        product: product as string,
        productKind: kindOf(product as string),
        originationDate: originationDate as IsoDate,
        birthDate: birthDate as IsoDate | null,
        chargeOffDate: chargeOffDate as IsoDate,
        dpdAtChargeOff: dpdAtChargeOff as number,
        // SQLite hands a function its arguments untyped: these are the snapshot's money columns.
        claimFen: claimFen as Fen,
        chargeOffFen: chargeOffFen as Fen,
        collectedFen: collectedFen as Fen,
        claimOnFileFen: claimOnFileFen as Fen | null,
        lastPaymentDate: lastPaymentDate as IsoDate | null,
        lastAcknowledgementDate: lastAcknowledgementDate as IsoDate | null,
        litigationStatus: litigationStatus as LitigationStatus,
        bankrupt: (bits & FLAG_BITS.bankrupt) !== 0,
        deceased: (bits & FLAG_BITS.deceased) !== 0,
        fraud: (bits & FLAG_BITS.fraud) !== 0,
        disputed: (bits & FLAG_BITS.disputed) !== 0,
        complaintOpen: (bits & FLAG_BITS.complaintOpen) !== 0,
        activeRepaymentPlan: (bits & FLAG_BITS.activeRepaymentPlan) !== 0,
        servicemember: (bits & FLAG_BITS.servicemember) !== 0,
        documentsComplete: (bits & FLAG_BITS.documentsComplete) !== 0,
      };
      const fired = firedRules(subject, pack);
      return fired.length === 0 ? null : JSON.stringify(fired);
    },
  );
  const verdicts = new Map<string | null, ScreeningVerdict>();
  client.function('portfolio_verdict', { deterministic: true }, (fired) => {
    const key = fired as string | null;
    let verdict = verdicts.get(key);
    if (verdict === undefined) {
      verdict = verdictOfFired(key === null ? [] : (JSON.parse(key) as string[]), pack);
      verdicts.set(key, verdict);
    }
    return verdict;
  });
}

/** The SQL call of `portfolio_screening` on subject columns. */
export function screeningSql(columns: SubjectColumns): string {
  const {
    status,
    product,
    originationDate,
    birthDate,
    chargeOffDate,
    dpdAtChargeOff,
    claimFen,
    chargeOffFen,
    collectedFen,
    claimOnFileFen,
    lastPaymentDate,
    lastAcknowledgementDate,
    litigationStatus,
    flags,
  } = columns;
  const args = [
    status,
    product,
    originationDate,
    birthDate,
    chargeOffDate,
    dpdAtChargeOff,
    claimFen,
    chargeOffFen,
    collectedFen,
    claimOnFileFen,
    lastPaymentDate,
    lastAcknowledgementDate,
    litigationStatus,
    flags,
  ];
  return `portfolio_screening(${args.join(', ')})`;
}

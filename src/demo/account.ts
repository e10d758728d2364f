import { type IsoDate, addDays, addMonths, asFen, type Fen } from '../shared';
import { NOTHING_OWED } from './claim';
import { type ClaimBalances } from '../shared';
import type { ProductTerms } from './products';
import type { Random } from './random';

/** A loan's contract and balances at one date, before any post-charge-off collection. */
export interface AccountDraft {
  originationDate: IsoDate;
  maturityDate: IsoDate | null;
  originalPrincipalFen: Fen;
  claim: ClaimBalances;
  lastPaymentDate: IsoDate | null;
  lastPaymentFen: Fen | null;
}

/** 罚息 at 0.05 % a day (万分之五), charged on the overdue part: on average half the remaining principal. */
const PENALTY_RATE_DAILY = 0.0005;
const OVERDUE_SHARE_OF_PRINCIPAL = 0.5;
/** Late fees stop after six missed instalments. */
const MAX_LATE_FEES = 6;
/** Share of instalment loans that never paid a single instalment (first-payment default). */
const FIRST_PAYMENT_DEFAULT_SHARE = 0.05;
/** A card's minimum payment: a tenth of the balance. */
const MINIMUM_PAYMENT_SHARE = 0.1;

interface Contract {
  principalFen: Fen;
  annualRate: number;
  termMonths: number | undefined;
}

function drawContract(random: Random, terms: ProductTerms): Contract {
  const yuan = Math.min(
    terms.principalMaxYuan,
    Math.max(
      terms.principalMinYuan,
      random.logNormal(terms.principalMedianYuan, terms.principalSigma),
    ),
  );
  // Loans are granted (and limits set) in round hundreds of yuan.
  const principalFen = asFen(Math.round(yuan / 100) * 100 * 100);
  const termMonths = terms.termMonths.length > 0 ? random.pick(terms.termMonths) : undefined;
  return {
    principalFen,
    annualRate: random.uniform(terms.annualRateMin, terms.annualRateMax),
    termMonths,
  };
}

/** Remaining principal after `paid` of `n` equal-principal instalments. */
function principalAfter(contract: Contract, n: number, paid: number): Fen {
  return asFen(contract.principalFen - Math.round((contract.principalFen * paid) / n));
}

/** Instalment `k` (1-based) of `n`: its principal plus a month's interest on what was owed before it. */
function instalmentFen(contract: Contract, n: number, k: number): Fen {
  return asFen(
    Math.round(
      contract.principalFen / n + (principalAfter(contract, n, k - 1) * contract.annualRate) / 12,
    ),
  );
}

/** Interest, penalty and late fees accrued on `principalFen` over `daysPastDue` days. */
function arrearsClaim(
  terms: ProductTerms,
  contract: Contract,
  principalFen: Fen,
  daysPastDue: number,
): ClaimBalances {
  return {
    principalFen,
    interestFen: asFen(Math.round((principalFen * contract.annualRate * daysPastDue) / 365)),
    feeFen: asFen(terms.lateFeeYuan * 100 * Math.min(MAX_LATE_FEES, Math.ceil(daysPastDue / 30))),
    penaltyFen: asFen(
      Math.round(principalFen * OVERDUE_SHARE_OF_PRINCIPAL * PENALTY_RATE_DAILY * daysPastDue),
    ),
  };
}

/** An account that first missed a payment on `firstMissedDueDate` and is `daysPastDue` days late. */
export function delinquentAccount(
  random: Random,
  terms: ProductTerms,
  firstMissedDueDate: IsoDate,
  daysPastDue: number,
): AccountDraft {
  const contract = drawContract(random, terms);
  const lastDue = addMonths(firstMissedDueDate, -1);
  const base = { originalPrincipalFen: contract.principalFen };
  if (contract.termMonths === undefined) {
    // Cards that go bad are mostly drawn to near their limit before the first missed payment.
    const balanceFen = asFen(Math.round(contract.principalFen * random.uniform(0.8, 1)));
    return {
      ...base,
      originationDate: addMonths(firstMissedDueDate, -random.int(6, 60)),
      maturityDate: null,
      claim: arrearsClaim(terms, contract, balanceFen, daysPastDue),
      lastPaymentDate: lastDue,
      lastPaymentFen: asFen(Math.round(balanceFen * MINIMUM_PAYMENT_SHARE)),
    };
  }
  const n = contract.termMonths;
  // Early defaults are the most common: paid instalments skew low (u² in [0, 1)).
  const paid = random.chance(FIRST_PAYMENT_DEFAULT_SHARE)
    ? 0
    : 1 + Math.floor((n - 1) * random.next() ** 2);
  const originationDate = addMonths(firstMissedDueDate, -(paid + 1));
  return {
    ...base,
    originationDate,
    maturityDate: addMonths(originationDate, n),
    claim: arrearsClaim(terms, contract, principalAfter(contract, n, paid), daysPastDue),
    lastPaymentDate: paid > 0 ? lastDue : null,
    lastPaymentFen: paid > 0 ? instalmentFen(contract, n, paid) : null,
  };
}

/** A performing account on `asOf`: instalments paid to date, interest accrued since the last one. */
export function currentAccount(random: Random, terms: ProductTerms, asOf: IsoDate): AccountDraft {
  const contract = drawContract(random, terms);
  const daysSinceDue = random.int(0, 27);
  const base = { originalPrincipalFen: contract.principalFen };
  if (contract.termMonths === undefined) {
    const balanceFen = asFen(Math.round(contract.principalFen * random.uniform(0.05, 0.8)));
    return {
      ...base,
      originationDate: addMonths(asOf, -random.int(3, 72)),
      maturityDate: null,
      claim: { ...NOTHING_OWED, principalFen: balanceFen },
      lastPaymentDate: addDays(asOf, -daysSinceDue),
      lastPaymentFen: asFen(Math.max(10_000, Math.round(balanceFen * MINIMUM_PAYMENT_SHARE))),
    };
  }
  const n = contract.termMonths;
  const paid = random.int(0, n - 1);
  const originationDate = addMonths(addDays(asOf, -daysSinceDue), -paid);
  const principalFen = principalAfter(contract, n, paid);
  return {
    ...base,
    originationDate,
    maturityDate: addMonths(originationDate, n),
    claim: {
      ...NOTHING_OWED,
      principalFen,
      interestFen: asFen(Math.round((principalFen * contract.annualRate * daysSinceDue) / 365)),
    },
    lastPaymentDate: paid > 0 ? addMonths(originationDate, paid) : null,
    lastPaymentFen: paid > 0 ? instalmentFen(contract, n, paid) : null,
  };
}

/** An account repaid in full before `asOf`: nothing owed, the last payment its final instalment. */
export function paidOffAccount(random: Random, terms: ProductTerms, asOf: IsoDate): AccountDraft {
  const contract = drawContract(random, terms);
  const base = { originalPrincipalFen: contract.principalFen, claim: NOTHING_OWED };
  if (contract.termMonths === undefined) {
    return {
      ...base,
      // Opened at least two years ago, last paid within the last 700 days: after it was opened.
      originationDate: addMonths(asOf, -random.int(24, 72)),
      maturityDate: null,
      lastPaymentDate: addDays(asOf, -random.int(30, 700)),
      lastPaymentFen: asFen(Math.round(contract.principalFen * random.uniform(0.05, 0.5))),
    };
  }
  const n = contract.termMonths;
  const maturityDate = addDays(asOf, -random.int(1, 720));
  return {
    ...base,
    originationDate: addMonths(maturityDate, -n),
    maturityDate,
    lastPaymentDate: maturityDate,
    lastPaymentFen: instalmentFen(contract, n, n),
  };
}

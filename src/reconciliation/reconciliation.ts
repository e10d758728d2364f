import { accounts } from '../ledger';
import { type AppDeps, addFen, type IsoDate, negateFen, subtractFen } from '../shared';
import { settledSaleFigures } from '../transfer';
import { type ReconciliationLine, tie } from './reconciliation-line';
import * as repository from './reconciliation-repository';

export interface Reconciliation {
  asOf: IsoDate;
  lines: ReconciliationLine[];
  /** Every line ties. */
  ties: boolean;
}

const onBookReceivables = [
  accounts.loansReceivable,
  accounts.interestReceivable,
  accounts.feesReceivable,
];

/**
 * The one reconciliation report: each line ties two records kept apart.
 * - book claims (the loan book's current and delinquent loans, as of now) = the receivables in the
 *   trial balance (1303 + 1132 + 1221);
 * - written-off claims on the register = the memorandum account 7001 = its contra 7002;
 * - per settled sale: its price = Σ of its allocation, and price − put-back refunds (the transfer
 *   room's records) = cash received − cash refunded (the ledger's 1002 on its entries);
 * - collections on sold loans after their cut-offs (the collection history) = forwarded to buyers +
 *   still owed to them (2242).
 * Each line says whether it ties and the difference where it does not.
 */
export function reconcile(deps: AppDeps, asOf: IsoDate): Reconciliation {
  const { db } = deps;
  const memoFen = repository.accountsBalanceFen(db, [accounts.writtenOffMemo], asOf);
  const lines: ReconciliationLine[] = [
    tie(
      'Book claims = on-book receivables',
      {
        label: 'Claims of current and delinquent loans (loan book)',
        amountFen: repository.bookClaimsFen(db),
      },
      {
        label: 'Loans, interest and fees receivable 1303 + 1132 + 1221 (trial balance)',
        amountFen: repository.accountsBalanceFen(db, onBookReceivables, asOf),
      },
    ),
    tie(
      'Written-off claims: register = memorandum',
      {
        label: 'Claims on file (off-balance register)',
        amountFen: repository.registerBalanceFen(db, asOf),
      },
      { label: 'Written-off loans on file 7001 (memorandum)', amountFen: memoFen },
    ),
    tie(
      'Memorandum pair balances',
      { label: 'Written-off loans on file 7001', amountFen: memoFen },
      {
        label: 'Memo contra 7002 (credit balance)',
        amountFen: negateFen(
          repository.accountsBalanceFen(db, [accounts.writtenOffMemoContra], asOf),
        ),
      },
    ),
  ];
  for (const sale of settledSaleFigures(db, asOf)) {
    lines.push(
      tie(
        `Sale ${sale.reference}: price = allocation`,
        { label: 'Contract price', amountFen: sale.priceFen },
        { label: `Σ allocated to its ${sale.loans} loans`, amountFen: sale.allocatedFen },
      ),
      tie(
        `Sale ${sale.reference}: net price = net cash`,
        {
          label: `Price − refunds of ${sale.putBacks} put-back(s) (sale records)`,
          amountFen: subtractFen(sale.priceFen, sale.refundFen),
        },
        {
          label: 'Cash received − cash refunded 1002 (its entries)',
          amountFen: repository.cashOfEntriesFen(db, sale.entryIds),
        },
      ),
    );
  }
  const forwardedFen = repository.forwardedFen(db, asOf);
  const owedFen = negateFen(
    repository.accountsBalanceFen(db, [accounts.buyerCollectionsPayable], asOf),
  );
  lines.push(
    tie(
      'Collections after the cut-off = forwarded + owed to buyers',
      {
        label: 'Payments on sold loans after their cut-offs (collection history)',
        amountFen: repository.collectionsOnSoldLoansFen(db, asOf),
      },
      {
        label: 'Forwarded to buyers + owed to buyers 2242',
        amountFen: addFen(forwardedFen, owedFen),
      },
    ),
  );
  return { asOf, lines, ties: lines.every((line) => line.ties) };
}

import { type DbOrTx, prepared } from '../../db';
import { accounts } from '../ledger';
import { asFen, claimSql, type Fen, type IsoDate } from '../shared';

// The reconciliation reads the records it ties straight from their tables, each figure on its own,
// so that one record's mistake cannot hide in the other's arithmetic. Sale tables are read through
// the transfer door.

const fen = (row: unknown): Fen => asFen((row as { fen: number | null }).fen ?? 0);

/** Σ of the claims the loan book holds on its performing and delinquent loans (the balance sheet's). */
export function bookClaimsFen(db: DbOrTx): Fen {
  return fen(
    prepared(
      db,
      `select sum(${claimSql()}) as fen from loans where status in ('current', 'delinquent')`,
    ).get(),
  );
}

/** Debits − credits posted to the accounts in entries dated up to `asOf`. */
export function accountsBalanceFen(db: DbOrTx, codes: readonly string[], asOf: IsoDate): Fen {
  return fen(
    prepared(
      db,
      `select sum(l.debit_fen) - sum(l.credit_fen) as fen from journal_lines l join journal_entries e on e.id = l.entry_id
        where e.entry_date <= ? and l.account_code in (select value from json_each(?))`,
    ).get(asOf, JSON.stringify(codes)),
  );
}

/** The claims on the off-balance register: Σ of its movements dated up to `asOf`. */
export function registerBalanceFen(db: DbOrTx, asOf: IsoDate): Fen {
  return fen(
    prepared(
      db,
      'select sum(amount_fen) as fen from off_balance_register where movement_date <= ?',
    ).get(asOf),
  );
}

/** Cash at bank moved by the given entries: debits − credits on 1002. */
export function cashOfEntriesFen(db: DbOrTx, entryIds: readonly number[]): Fen {
  return fen(
    prepared(
      db,
      `select sum(debit_fen) - sum(credit_fen) as fen from journal_lines
        where account_code = '${accounts.cashAtBank}' and entry_id in (select value from json_each(?))`,
    ).get(JSON.stringify(entryIds)),
  );
}

/**
 * Payments received on sold loans after their sale's cut-off, up to `asOf`, from the collection
 * history itself: a loan counts from its (unreversed) sale's cut-off — the one settlement recorded,
 * else the sale date — until a put-back returns it to the seller.
 */
export function collectionsOnSoldLoansFen(db: DbOrTx, asOf: IsoDate): Fen {
  return fen(
    prepared(
      db,
      `select sum(c.amount_fen) as fen
         from collection_events c
         join (select r.loan_id, r.id as soldId, coalesce(co.cut_off_date, e.entry_date) as cutOff
                 from off_balance_register r join journal_entries e on e.id = r.entry_id and e.kind = 'sale'
                 left join sale_cut_offs co on co.sale_entry_id = e.id
                where r.kind = 'sold' and r.reversal = 0 and e.entry_date <= :asOf
                  and not exists (select 1 from journal_entries x where x.reverses_entry_id = e.id)) s
           on s.loan_id = c.loan_id
        where c.event_type = 'payment' and c.event_date > s.cutOff and c.event_date <= :asOf
          and not exists (select 1 from off_balance_register p where p.loan_id = c.loan_id and p.kind = 'put_back'
                            and p.reversal = 0 and p.id > s.soldId and p.movement_date < c.event_date)`,
    ).get({ asOf }),
  );
}

/** Σ forwarded to buyers up to `asOf`. */
export function forwardedFen(db: DbOrTx, asOf: IsoDate): Fen {
  return fen(
    prepared(
      db,
      'select sum(amount_fen) as fen from buyer_forwardings where forwarded_date <= ?',
    ).get(asOf),
  );
}

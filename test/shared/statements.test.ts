import { describe, expect, it } from 'vitest';
import { connectionOf, openDatabase, prepared } from '../../db';
import { claimFen, claimSql } from '../../src/shared/claim';
import { asFen } from '../../src/shared/money';

describe('prepared statements on any handle', () => {
  it('finds the one connection under the database and under a transaction', () => {
    const db = openDatabase(':memory:');
    db.transaction((tx) => expect(connectionOf(tx)).toBe(db.$client));
    expect(connectionOf(db)).toBe(db.$client);
  });

  it('prepares a statement once per connection, and it joins the caller’s transaction', () => {
    const db = openDatabase(':memory:');
    db.$client.exec('create table t (n integer)');
    expect(prepared(db, 'select count(*) as n from t')).toBe(
      prepared(db, 'select count(*) as n from t'),
    );
    expect(() =>
      db.transaction((tx) => {
        prepared(tx, 'insert into t values (?)').run(1);
        expect(prepared(tx, 'select count(*) as n from t').get()).toEqual({ n: 1 });
        throw new Error('roll back');
      }),
    ).toThrow('roll back');
    expect(prepared(db, 'select count(*) as n from t').get()).toEqual({ n: 0 });
  });

  it('computes the claim in SQL as claimFen does', () => {
    const db = openDatabase(':memory:');
    const balances = {
      principalFen: asFen(865_000),
      interestFen: asFen(12_345),
      feeFen: asFen(0),
      penaltyFen: asFen(99),
    };
    const row = prepared(
      db,
      `select ${claimSql('l')} as claim from (select ? as principal_fen, ? as interest_fen,
        ? as fee_fen, ? as penalty_fen) l`,
    ).get(balances.principalFen, balances.interestFen, balances.feeFen, balances.penaltyFen);
    expect(row).toEqual({ claim: claimFen(balances) });
  });
});

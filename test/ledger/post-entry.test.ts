import { describe, expect, it } from 'vitest';
import { transfer, UnbalancedEntryError } from '../../src/ledger/journal-line';
import { entryHeader, postEntry } from '../../src/ledger/post-entry';
import { testApp } from '../helpers/test-app';
import { actorOf } from './fixtures';
import { inTx } from './scenario';
import { asFen } from '../../src/shared';

describe('posting an entry', () => {
  const t = testApp();
  const header = () =>
    entryHeader(t.deps, actorOf(t.db, 'finance'), {
      entryDate: '2026-06-30',
      kind: 'collection_cost',
      memo: 'test',
      sourceRef: 'test:1',
    });
  const entries = () => t.db.$client.prepare('select count(*) as n from journal_entries').get();

  it('stops at a group that does not balance, and the transaction leaves nothing behind', () => {
    const unbalanced = [
      transfer('6603', '1002', asFen(500), null)[0]!,
      transfer('6603', '1002', asFen(499), null)[1]!,
    ];
    const post = () =>
      inTx(t.deps, (tx) =>
        postEntry(tx, t.deps, header(), [transfer('6603', '1002', asFen(100), null), unbalanced]),
      );
    expect(post).toThrow(UnbalancedEntryError);
    expect(entries()).toEqual({ n: 0 });
  });

  it('refuses an entry without lines', () => {
    expect(() => inTx(t.deps, (tx) => postEntry(tx, t.deps, header(), []))).toThrow(
      'collection_cost entry for test:1 has no line',
    );
    expect(entries()).toEqual({ n: 0 });
  });

  it('numbers the lines of all groups in order and reports their count', () => {
    const posted = inTx(t.deps, (tx) =>
      postEntry(tx, t.deps, header(), [
        transfer('6603', '1002', asFen(100), null),
        transfer('6603', '1002', asFen(200), null),
      ]),
    );
    expect(posted.lineCount).toBe(4);
    expect(
      t.db.$client
        .prepare(
          'select line_no as n, debit_fen as d from journal_lines where entry_id = ? order by line_no',
        )
        .all(posted.entryId),
    ).toEqual([
      { n: 1, d: 100 },
      { n: 2, d: 0 },
      { n: 3, d: 200 },
      { n: 4, d: 0 },
    ]);
  });
});

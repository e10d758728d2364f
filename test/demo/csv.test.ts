import { describe, expect, it } from 'vitest';
import { collectionRow, COLLECTION_COLUMNS, LOAN_TAPE_COLUMNS } from '../../src/demo/columns';
import { csvLine } from '../../src/demo/csv';
import { asFen } from '../../src/shared';

describe('CSV lines', () => {
  it('writes plain fields as they are', () => {
    expect(csvLine(['L1', '张三', '1234.56', ''])).toBe('L1,张三,1234.56,\n');
  });

  it('quotes fields with a comma, a quote or a line break, doubling quotes', () => {
    expect(csvLine(['a,b', 'say "hi"', 'two\nlines', 'cr\r'])).toBe(
      '"a,b","say ""hi""","two\nlines","cr\r"\n',
    );
  });
});

describe('demo file columns', () => {
  it('uses the canonical loan tape and collection column names', () => {
    expect(LOAN_TAPE_COLUMNS).toHaveLength(38);
    expect(LOAN_TAPE_COLUMNS[0]).toBe('loan_id');
    expect(COLLECTION_COLUMNS).toEqual([
      'loan_id',
      'event_date',
      'event_type',
      'amount',
      'payment_channel',
      'cost_kind',
      'status_event',
      'note',
    ]);
  });

  it('leaves the columns of the other event types empty', () => {
    expect(
      collectionRow('L1', {
        eventType: 'payment',
        eventDate: '2026-01-05',
        amountFen: asFen(12_345),
        paymentChannel: 'agency',
      }),
    ).toEqual(['L1', '2026-01-05', 'payment', '123.45', 'agency', '', '', '']);
    expect(
      collectionRow('L1', {
        eventType: 'cost',
        eventDate: '2026-01-05',
        amountFen: asFen(500),
        costKind: 'sms_call',
      }),
    ).toEqual(['L1', '2026-01-05', 'cost', '5.00', '', 'sms_call', '', '']);
    expect(
      collectionRow('L1', {
        eventType: 'status',
        eventDate: '2026-01-05',
        statusEvent: 'bankrupt',
        note: 'court, notice',
      }),
    ).toEqual(['L1', '2026-01-05', 'status', '', '', '', 'bankrupt', 'court, notice']);
  });
});

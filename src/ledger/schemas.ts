import { z } from '@hono/zod-openapi';
import { accountTypes, journalEntryKinds, loanStatuses } from '../../db';
import { trialBalanceSections } from './trial-balance';
import { IdParams, instant, isoDate, pageLimit, yuanAmount } from '../shared';

// The API contract of the ledger and its reports, hand-written so the tables can change without breaking callers.

const format = z
  .enum(['json', 'xlsx'])
  .default('json')
  .openapi({ description: '`xlsx` downloads the report as an Excel workbook' });
const nextCursor = z
  .string()
  .nullable()
  .openapi({ description: 'Pass as `cursor` for the next page; null on the last page' });

export const EntryParams = IdParams;

export const AsOfQuery = z.object({
  as_of: isoDate
    .optional()
    .openapi({ description: "Default: the book's latest tape date (today for an empty book)" }),
  format,
});
export const OffBalanceQuery = AsOfQuery.extend({
  limit: pageLimit,
  cursor: z
    .string()
    .min(1)
    .optional()
    .openapi({ description: 'A loan id: the `nextCursor` of the previous page' }),
});
export const RangeQuery = z.object({
  from: isoDate.optional().openapi({ description: 'From this date, inclusive; open when absent' }),
  to: isoDate.optional().openapi({ description: 'Up to this date, inclusive; open when absent' }),
  format,
});
/** The journal's downloads: the GL upload reads CSV as often as xlsx. */
const exportFormat = z.enum(['json', 'xlsx', 'csv']).default('json').openapi({
  description:
    '`xlsx` downloads an Excel workbook, `csv` a UTF-8 CSV file (money as yuan, 2 decimals)',
});
export const JournalSummaryQuery = RangeQuery.extend({ format: exportFormat });
export const JournalQuery = RangeQuery.extend({
  format: exportFormat,
  limit: pageLimit,
  cursor: z.coerce
    .number()
    .int()
    .min(0)
    .optional()
    .openapi({ description: 'The `nextCursor` of the previous page' }),
});
export const EntryQuery = z.object({
  limit: pageLimit,
  cursor: z.coerce
    .number()
    .int()
    .min(0)
    .optional()
    .openapi({ description: 'A line number: the `nextCursor` of the previous page' }),
});

export const ReverseEntrySchema = z
  .object({
    date: isoDate.openapi({
      description: 'The date of the reversing entry: on or after the entry it reverses',
    }),
    reason: z.string().trim().min(1).max(500),
  })
  .openapi('ReverseEntry');

export const CsvContent = {
  'text/csv': { schema: z.string().openapi({ format: 'binary' }) },
};

export const XlsxContent = {
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
    schema: z.string().openapi({ format: 'binary' }),
  },
};

export const AccountSchema = z
  .object({
    code: z.string(),
    nameZh: z.string(),
    nameEn: z.string(),
    type: z.enum(accountTypes),
    normalSide: z.enum(['debit', 'credit']),
  })
  .openapi('LedgerAccount');

const TrialBalanceSection = z.object({
  accounts: z.array(
    AccountSchema.omit({ normalSide: true }).extend({
      debit: yuanAmount,
      credit: yuanAmount,
      balance: yuanAmount.openapi({
        description: 'Debit − credit: positive a debit balance, negative a credit balance',
      }),
    }),
  ),
  debit: yuanAmount,
  credit: yuanAmount,
  balanced: z.boolean(),
});

export const TrialBalanceSchema = z
  .object({
    asOf: isoDate,
    sections: z
      .array(
        TrialBalanceSection.omit({ balanced: true }).extend({
          section: z.enum(trialBalanceSections),
          balance: yuanAmount.openapi({ description: 'Debit − credit of the section' }),
        }),
      )
      .openapi({
        description:
          'Assets, liabilities, equity, income, expense and the off-balance memorandum, in that order, each with its totals',
      }),
    totals: z
      .object({ debit: yuanAmount, credit: yuanAmount, balanced: z.boolean() })
      .openapi({ description: 'Every account: Σ debit = Σ credit' }),
    balanceSheet: TrialBalanceSection.openapi({
      description: 'The balance-sheet and income-statement accounts together',
    }),
    offBalance: TrialBalanceSection.openapi({
      description: 'Memo accounts of written-off claims (账销案存)',
    }),
  })
  .openapi('TrialBalance');

const JournalLineSchema = z.object({
  lineId: z.number().int(),
  entryId: z.number().int(),
  entryDate: isoDate,
  kind: z.enum(journalEntryKinds),
  sourceRef: z.string(),
  reversesEntryId: z.number().int().nullable(),
  lineNo: z.number().int(),
  accountCode: z.string(),
  accountNameZh: z.string(),
  accountNameEn: z.string(),
  debit: yuanAmount,
  credit: yuanAmount,
  loanId: z.string().nullable(),
  memo: z.string(),
});

export const JournalSchema = z
  .object({
    from: isoDate,
    to: isoDate,
    totals: z
      .object({ lines: z.number().int(), debit: yuanAmount, credit: yuanAmount })
      .openapi({ description: 'All lines of the range, not only this page' }),
    items: z.array(JournalLineSchema),
    nextCursor,
  })
  .openapi('Journal');

export const JournalSummarySchema = z
  .object({
    from: isoDate,
    to: isoDate,
    rows: z.array(
      z.object({
        entryDate: isoDate,
        accountCode: z.string(),
        accountNameZh: z.string(),
        accountNameEn: z.string(),
        entries: z.number().int(),
        lines: z.number().int(),
        debit: yuanAmount,
        credit: yuanAmount,
      }),
    ),
    totals: z.object({ lines: z.number().int(), debit: yuanAmount, credit: yuanAmount }),
  })
  .openapi('JournalVoucherSummary');

export const EntrySchema = z
  .object({
    id: z.number().int(),
    entryDate: isoDate,
    kind: z.enum(journalEntryKinds),
    memo: z.string(),
    sourceRef: z.string(),
    reversesEntryId: z.number().int().nullable(),
    reversedByEntryId: z.number().int().nullable(),
    postedAt: instant,
    postedBy: z.string(),
    lines: z.array(
      z.object({
        lineNo: z.number().int(),
        accountCode: z.string(),
        debit: yuanAmount,
        credit: yuanAmount,
        loanId: z.string().nullable(),
        memo: z.string().nullable(),
      }),
    ),
    nextCursor,
  })
  .openapi('JournalEntry');

export const ReversalSchema = z
  .object({
    entryId: z.number().int().openapi({ description: 'The reversing entry' }),
    reversesEntryId: z.number().int(),
    lines: z.number().int(),
  })
  .openapi('Reversal');

const WriteOffMeasures = z.object({
  loansWrittenOff: z.number().int(),
  writtenOff: yuanAmount,
  recoveries: yuanAmount,
  netChargeOff: yuanAmount.openapi({ description: 'Written off − recoveries' }),
  recoveryRate: z.number().nullable().openapi({
    description: 'Recoveries ÷ written off (4 decimals); null when nothing was written off',
  }),
});

export const WriteOffReportSchema = z
  .object({
    from: isoDate,
    to: isoDate,
    rows: z.array(WriteOffMeasures.extend({ month: z.string(), product: z.string() })),
    totals: WriteOffMeasures,
  })
  .openapi('WriteOffReport');

export const OffBalanceSchema = z
  .object({
    asOf: isoDate,
    totals: z.object({
      loans: z.number().int(),
      writtenOff: yuanAmount,
      recoveries: yuanAmount,
      sold: yuanAmount,
      balance: yuanAmount,
    }),
    items: z.array(
      z.object({
        loanId: z.string(),
        product: z.string(),
        loanStatus: z.enum(loanStatuses),
        writtenOffOn: isoDate.nullable(),
        writtenOff: yuanAmount.openapi({
          description: 'The claim written off (or opened from a tape), net of reversals',
        }),
        recoveries: yuanAmount,
        sold: yuanAmount,
        balance: yuanAmount.openapi({
          description: 'The claim still on file: written off − recoveries − sold',
        }),
        status: z.enum(['on_file', 'recovered', 'sold']),
        buyer: z.string().nullable(),
      }),
    ),
    nextCursor,
  })
  .openapi('OffBalanceRegister');

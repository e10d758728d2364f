// Mounted at /ledger (src/app.ts).
import type { z } from '@hono/zod-openapi';
import { auditActorOf, defineRoute } from '../access';
import {
  createRouter,
  idempotently,
  jsonResponse as json,
  problemResponseDoc as problem,
} from '../shared';
import { sendWorkbook } from '../xlsx';
import { sendCsv } from './csv-download';
import { getEntry, listAccounts } from './entries';
import {
  journalSheet,
  offBalanceSheet,
  trialBalanceSheet,
  voucherSummarySheet,
  writeOffReportSheet,
} from './report-sheets';
import {
  dateRange,
  journalPages,
  journalReport,
  offBalancePages,
  offBalanceReport,
  reportDate,
  trialBalanceReport,
  voucherSummaryReport,
  writeOffReport,
} from './reports';
import { reverseEntry, type ReversalEffects } from './reversal';
import * as schemas from './schemas';
import {
  entryView,
  journalView,
  offBalanceView,
  trialBalanceView,
  voucherSummaryView,
  writeOffReportView,
} from './views';

const report = <T extends z.ZodType>(description: string, schema: T) => ({
  description: `${description}; with \`format=xlsx\` an Excel workbook (real numbers and dates, header row frozen)`,
  content: { 'application/json': { schema }, ...schemas.XlsxContent },
});
const getAccounts = defineRoute('ledger:read', {
  method: 'get',
  path: '/accounts',
  tags: ['Ledger'],
  summary: 'The chart of accounts (会计科目)',
  responses: { 200: json('Every account', schemas.AccountSchema.array()) },
});
const getTrialBalance = defineRoute('ledger:read', {
  method: 'get',
  path: '/trial-balance',
  tags: ['Ledger'],
  summary: 'Trial balance as of a date; off-balance memo accounts apart',
  request: { query: schemas.AsOfQuery },
  responses: {
    200: report('Per account debit, credit and balance, with totals', schemas.TrialBalanceSchema),
  },
});
const exportReport = <T extends z.ZodType>(description: string, schema: T) => ({
  description: `${description}; with \`format=xlsx\` an Excel workbook, with \`format=csv\` a CSV file`,
  content: {
    'application/json': { schema },
    ...schemas.XlsxContent,
    ...schemas.CsvContent,
  },
});
const getJournal = defineRoute('ledger:read', {
  method: 'get',
  path: '/journal',
  tags: ['Ledger'],
  summary: 'Journal lines of the entries dated in a range (the general-ledger export)',
  description:
    'The xlsx and CSV have one row per journal line: entry id, date, kind, source reference, the entry it reverses, line, account code, account name, debit, credit, loan id, memo. The xlsx has a second sheet, the voucher summary per day and account (`/ledger/journal/summary`).',
  request: { query: schemas.JournalQuery },
  responses: {
    200: exportReport(
      'A page of journal lines, with the totals of the range',
      schemas.JournalSchema,
    ),
  },
});
const getJournalSummary = defineRoute('ledger:read', {
  method: 'get',
  path: '/journal/summary',
  tags: ['Ledger'],
  summary:
    'Voucher summary (科目汇总表): per day and account, the entries, lines, debits and credits',
  request: { query: schemas.JournalSummaryQuery },
  responses: {
    200: exportReport(
      'One row per day × account, with the totals of the range',
      schemas.JournalSummarySchema,
    ),
  },
});
const getWriteOffReport = defineRoute('ledger:read', {
  method: 'get',
  path: '/write-off-report',
  tags: ['Ledger'],
  summary:
    'Write-offs per month and product: count, amount, recoveries, net charge-off, recovery rate',
  request: { query: schemas.RangeQuery },
  responses: {
    200: report('One row per month × product, with totals', schemas.WriteOffReportSchema),
  },
});
const getOffBalance = defineRoute('ledger:read', {
  method: 'get',
  path: '/off-balance',
  tags: ['Ledger'],
  summary: 'The off-balance register (账销案存) per loan as of a date',
  request: { query: schemas.OffBalanceQuery },
  responses: {
    200: report(
      'A page of loans with written-off claim, recoveries, sold and claim on file',
      schemas.OffBalanceSchema,
    ),
  },
});
const getJournalEntry = defineRoute('ledger:read', {
  method: 'get',
  path: '/entries/{id}',
  tags: ['Ledger'],
  summary: 'One journal entry with a page of its lines',
  request: { params: schemas.EntryParams, query: schemas.EntryQuery },
  responses: { 200: json('The entry', schemas.EntrySchema), 404: problem('No such entry') },
});
const postReversal = defineRoute('ledger:reverse', {
  method: 'post',
  path: '/entries/{id}/reverse',
  tags: ['Ledger'],
  summary: 'Reverse a posted entry by a reversing entry that references it',
  description: 'Posted entries are never edited. Honours `Idempotency-Key`.',
  request: {
    params: schemas.EntryParams,
    body: {
      required: true,
      content: { 'application/json': { schema: schemas.ReverseEntrySchema } },
    },
  },
  responses: {
    201: json('The reversing entry', schemas.ReversalSchema),
    404: problem('No such entry'),
    409: problem(
      'Already reversed, a reversal, an opening balance, or its loans have moved on or are in an awarded or signed sale',
    ),
  },
});

/** The ledger's routes; reversing an entry applies the effects of its kind's owner. */
export const ledgerRoutes = (reversalEffects: ReversalEffects) =>
  createRouter()
    .openapi(getAccounts, (c) => c.json(listAccounts(c.get('deps').db), 200))
    .openapi(getTrialBalance, async (c) => {
      const query = c.req.valid('query');
      const balance = trialBalanceReport(c.get('deps'), reportDate(c.get('deps'), query.as_of));
      if (query.format === 'json') return c.json(trialBalanceView(balance), 200);
      const audit = {
        action: 'ledger.trial_balance.downloaded',
        targetType: 'trial_balance',
        targetId: balance.asOf,
      };
      return sendWorkbook(
        c,
        `trial-balance-${balance.asOf}.xlsx`,
        trialBalanceSheet(balance),
        audit,
      );
    })
    .openapi(getJournal, async (c) => {
      const { from, to, format, limit, cursor } = c.req.valid('query');
      const range = dateRange(from, to);
      if (format === 'json')
        return c.json(journalView(journalReport(c.get('deps'), range, { limit, cursor })), 200);
      const audit = {
        action: 'ledger.journal.downloaded',
        targetType: 'journal',
        targetId: `${range.from}..${range.to}`,
      };
      const name = `journal-${from ?? 'start'}-${to ?? 'end'}`;
      const lines = journalSheet(journalPages(c.get('deps'), range));
      if (format === 'csv') return sendCsv(c, `${name}.csv`, lines, audit);
      const summary = voucherSummarySheet(voucherSummaryReport(c.get('deps'), range));
      return sendWorkbook(c, `${name}.xlsx`, [lines, summary], audit);
    })
    .openapi(getJournalSummary, async (c) => {
      const { from, to, format } = c.req.valid('query');
      const summary = voucherSummaryReport(c.get('deps'), dateRange(from, to));
      if (format === 'json') return c.json(voucherSummaryView(summary), 200);
      const audit = {
        action: 'ledger.journal_summary.downloaded',
        targetType: 'journal',
        targetId: `${summary.from}..${summary.to}`,
      };
      const name = `journal-summary-${from ?? 'start'}-${to ?? 'end'}.${format}`;
      const sheet = voucherSummarySheet(summary);
      return format === 'csv'
        ? sendCsv(c, name, sheet, audit)
        : sendWorkbook(c, name, sheet, audit);
    })
    .openapi(getWriteOffReport, async (c) => {
      const { from, to, format } = c.req.valid('query');
      const result = writeOffReport(c.get('deps'), dateRange(from, to));
      if (format === 'json') return c.json(writeOffReportView(result), 200);
      const audit = {
        action: 'ledger.write_off_report.downloaded',
        targetType: 'write_off_report',
        targetId: `${result.from}..${result.to}`,
      };
      return sendWorkbook(
        c,
        `write-off-report-${from ?? 'start'}-${to ?? 'end'}.xlsx`,
        writeOffReportSheet(result),
        audit,
      );
    })
    .openapi(getOffBalance, async (c) => {
      const { as_of: asOfQuery, format, limit, cursor } = c.req.valid('query');
      const asOf = reportDate(c.get('deps'), asOfQuery);
      if (format === 'json')
        return c.json(
          offBalanceView(offBalanceReport(c.get('deps'), asOf, { limit, cursor })),
          200,
        );
      const audit = {
        action: 'ledger.off_balance.downloaded',
        targetType: 'off_balance_register',
        targetId: asOf,
      };
      return sendWorkbook(
        c,
        `off-balance-register-${asOf}.xlsx`,
        offBalanceSheet(offBalancePages(c.get('deps'), asOf)),
        audit,
      );
    })
    .openapi(getJournalEntry, (c) =>
      c.json(
        entryView(getEntry(c.get('deps').db, c.req.valid('param').id, c.req.valid('query'))),
        200,
      ),
    )
    .openapi(postReversal, (c) => {
      const { id } = c.req.valid('param');
      const request = c.req.valid('json');
      const reversal = idempotently(c, { id, ...request }, 201, (tx) => {
        const { entryId, reversesEntryId, lineCount } = reverseEntry(
          { tx, deps: c.get('deps'), actor: auditActorOf(c) },
          { entryId: id, ...request },
          reversalEffects,
        );
        return { entryId, reversesEntryId, lines: lineCount };
      });
      return c.json(reversal, 201);
    });

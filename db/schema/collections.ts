import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import type { Fen } from './fen';
import { fileImports } from './imports';
import { loans } from './loans';

export const collectionEventTypes = ['payment', 'cost', 'status'] as const;
export const paymentChannels = ['in_house', 'agency', 'legal', 'settlement', 'debt_sale'] as const;
export const costKinds = [
  'agency_commission',
  'legal_fee',
  'court_fee',
  'sms_call',
  'other',
] as const;
export const statusEvents = [
  'bankrupt',
  'deceased',
  'dispute',
  'litigation_filed',
  'complaint',
  'repayment_plan',
] as const;

export type CollectionEventType = (typeof collectionEventTypes)[number];
export type PaymentChannel = (typeof paymentChannels)[number];
export type CostKind = (typeof costKinds)[number];
export type StatusEvent = (typeof statusEvents)[number];

const inList = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));

/**
 * The collection history of a loan: payments received, costs incurred to collect, and status
 * events. It is what valuation learns recovery curves and costs from. Amounts in integer fen.
 */
export const collectionEvents = sqliteTable(
  'collection_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    loanId: text('loan_id')
      .notNull()
      .references(() => loans.loanId),
    eventDate: text('event_date').notNull(),
    eventType: text('event_type', { enum: collectionEventTypes }).notNull(),
    amountFen: integer('amount_fen').$type<Fen>(),
    paymentChannel: text('payment_channel', { enum: paymentChannels }),
    costKind: text('cost_kind', { enum: costKinds }),
    statusEvent: text('status_event', { enum: statusEvents }),
    note: text('note'),
    importId: integer('import_id').references(() => fileImports.id),
  },
  (t) => [
    check(
      'collection_events_shape',
      sql`(${t.eventType} = 'payment' and ${t.amountFen} > 0 and ${t.paymentChannel} in (${inList(paymentChannels)}) and ${t.costKind} is null and ${t.statusEvent} is null)
       or (${t.eventType} = 'cost' and ${t.amountFen} > 0 and ${t.costKind} in (${inList(costKinds)}) and ${t.paymentChannel} is null and ${t.statusEvent} is null)
       or (${t.eventType} = 'status' and ${t.amountFen} is null and ${t.statusEvent} in (${inList(statusEvents)}) and ${t.paymentChannel} is null and ${t.costKind} is null)`,
    ),
    index('collection_events_loan_idx').on(t.loanId, t.eventDate),
    index('collection_events_date_idx').on(t.eventDate),
  ],
);

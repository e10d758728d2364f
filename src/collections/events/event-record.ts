import { z } from 'zod';
import { collectionEventTypes, costKinds, paymentChannels, statusEvents } from '../../../db';

const fen = z.number().int();

/**
 * The rules a collection-history row must satisfy once typed: a payment has an amount above zero
 * and a payment channel, a cost an amount and a cost kind, a status event a status event and no
 * amount; fields of the other kinds stay blank. Issue paths are column names.
 */
export const eventRecordSchema = z
  .object({
    loan_id: z.string().max(64, 'longer than 64 characters'),
    event_date: z.string(),
    event_type: z.enum(collectionEventTypes),
    amount: fen.nullable(),
    payment_channel: z.enum(paymentChannels).nullable(),
    cost_kind: z.enum(costKinds).nullable(),
    status_event: z.enum(statusEvents).nullable(),
    note: z.string().max(500, 'longer than 500 characters').nullable(),
  })
  .check((payload) => {
    const record = payload.value;
    const kind = record.event_type;
    const blame = (column: keyof typeof record, message: string) =>
      payload.issues.push({ code: 'custom', path: [column], message, input: record[column] });
    const needs = (column: 'payment_channel' | 'cost_kind' | 'status_event') => {
      if (record[column] === null) blame(column, `required for a ${kind} event`);
    };
    const refuses = (column: 'amount' | 'payment_channel' | 'cost_kind' | 'status_event') => {
      if (record[column] !== null) blame(column, `must be blank for a ${kind} event`);
    };
    if (kind === 'status') {
      needs('status_event');
      refuses('amount');
    } else if (record.amount === null) {
      blame('amount', `required for a ${kind} event`);
    } else if (record.amount <= 0) {
      blame('amount', 'must be more than 0');
    }
    if (kind === 'payment') needs('payment_channel');
    else refuses('payment_channel');
    if (kind === 'cost') needs('cost_kind');
    else refuses('cost_kind');
    if (kind !== 'status') refuses('status_event');
  });

/** A checked collection-history row: amount in fen. */
export type EventRecord = z.infer<typeof eventRecordSchema>;

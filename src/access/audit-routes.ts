// Mounted at /audit (src/app.ts).
import { z } from '@hono/zod-openapi';
import { and, asc, eq, gt, gte, lt, type SQL } from 'drizzle-orm';
import { auditEvents } from '../../db';
import { defineRoute } from './guard';
import { addDays, parseIsoDate, createRouter, instant, pageLimit } from '../shared';

const dateOrTimestamp = z
  .string()
  .refine(
    (v) => parseIsoDate(v) !== undefined || !Number.isNaN(Date.parse(v)),
    'an ISO date (YYYY-MM-DD) or timestamp',
  );

const AuditQuerySchema = z.object({
  target: z
    .string()
    .optional()
    .openapi({ description: 'A target id, or `type:id` (e.g. `user:3`, `file_import:12`)' }),
  actor: z.string().optional().openapi({ description: "The actor's email (or `system`, `demo`)" }),
  from: dateOrTimestamp
    .optional()
    .openapi({ description: 'From this date or instant (inclusive), UTC' }),
  to: dateOrTimestamp
    .optional()
    .openapi({ description: 'Up to this date (inclusive) or instant (exclusive), UTC' }),
  limit: pageLimit,
  cursor: z.coerce
    .number()
    .int()
    .min(0)
    .optional()
    .openapi({ description: 'The `nextCursor` of the previous page' }),
});

const AuditEventSchema = z
  .object({
    id: z.number().int(),
    occurredAt: instant,
    actorUserId: z.number().int().nullable(),
    actor: z.string(),
    action: z.string(),
    targetType: z.string(),
    targetId: z.string(),
    requestId: z.string().nullable(),
    fileSha256: z.string().nullable(),
    detail: z.record(z.string(), z.unknown()).nullable(),
  })
  .openapi('AuditEvent');

const getAudit = defineRoute('audit:read', {
  method: 'get',
  path: '/',
  tags: ['Audit'],
  summary: 'Search the audit trail',
  request: { query: AuditQuerySchema },
  responses: {
    200: {
      description: 'Matching events, oldest first',
      content: {
        'application/json': {
          schema: z.object({
            events: z.array(AuditEventSchema),
            nextCursor: z.number().int().nullable(),
          }),
        },
      },
    },
  },
});

/** A date bound becomes the start of that UTC day; `to` as a date includes the whole day. */
function boundInstant(bound: string, endOfDay: boolean): string {
  const date = parseIsoDate(bound);
  if (date === undefined) return new Date(bound).toISOString();
  return `${endOfDay ? addDays(date, 1) : date}T00:00:00.000Z`;
}

function targetFilter(target: string): SQL | undefined {
  const separator = target.indexOf(':');
  if (separator < 0) return eq(auditEvents.targetId, target);
  return and(
    eq(auditEvents.targetType, target.slice(0, separator)),
    eq(auditEvents.targetId, target.slice(separator + 1)),
  );
}

export const audit = createRouter().openapi(getAudit, (c) => {
  const query = c.req.valid('query');
  const filters = [
    query.target === undefined ? undefined : targetFilter(query.target),
    query.actor === undefined ? undefined : eq(auditEvents.actor, query.actor),
    query.from === undefined
      ? undefined
      : gte(auditEvents.occurredAt, boundInstant(query.from, false)),
    query.to === undefined ? undefined : lt(auditEvents.occurredAt, boundInstant(query.to, true)),
    query.cursor === undefined ? undefined : gt(auditEvents.id, query.cursor),
  ];
  const rows = c
    .get('deps')
    .db.select()
    .from(auditEvents)
    .where(and(...filters))
    .orderBy(asc(auditEvents.id))
    .limit(query.limit + 1)
    .all();
  const page = rows.slice(0, query.limit);
  const events = page.map((row) => ({
    ...row,
    detail: row.detail === null ? null : (JSON.parse(row.detail) as Record<string, unknown>),
  }));
  return c.json(
    { events, nextCursor: rows.length > query.limit ? (page.at(-1)?.id ?? null) : null },
    200,
  );
});

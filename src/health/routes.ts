// Mounted at /health (src/app.ts).
import { z } from '@hono/zod-openapi';
import { sql } from 'drizzle-orm';
import { defineRoute } from '../access';
import { createRouter } from '../shared';

const HealthSchema = z.object({
  status: z.literal('ok'),
  database: z.literal('ok'),
  time: z.string(),
});

const getHealth = defineRoute('public', {
  method: 'get',
  path: '/',
  tags: ['Platform'],
  summary: 'Liveness and database check',
  responses: {
    200: {
      description: 'The platform is up',
      content: { 'application/json': { schema: HealthSchema } },
    },
  },
});

export const health = createRouter().openapi(getHealth, (c) => {
  const { db, clock } = c.get('deps');
  db.get(sql`select 1`);
  return c.json({ status: 'ok' as const, database: 'ok' as const, time: clock.now() }, 200);
});

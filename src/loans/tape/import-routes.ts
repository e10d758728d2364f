// Mounted at /loans (src/loans/routes.ts, itself at /loans in src/app.ts): /loans/import….
import { z } from '@hono/zod-openapi';
import { auditActorOf, defineRoute } from '../../access';
import {
  ColumnTableSchema,
  IdempotencyHeadersSchema,
  ImportQuerySchema,
  ImportResultSchema,
  importBodyContent,
  importedBody,
  importRequestOf,
  unsupportedFormatResponse,
} from '../../imports';
import { createRouter } from '../../shared';
import { tapeColumns } from './tape-columns';
import { importLoanTape } from './tape-import';

const postImport = defineRoute('loans:import', {
  method: 'post',
  tags: ['Loans'],
  path: '/import',
  summary: 'Import a loan tape (CSV or XLSX), all or nothing',
  description:
    'Headers may be the canonical names or the Chinese ones of GET /loans/import/columns. Any bad row rejects the whole file with 422 naming up to 100 errors by row and column. mode=upsert updates loans already in the book (only the fields the file has columns for).',
  request: {
    query: ImportQuerySchema.extend({ mode: z.enum(['insert', 'upsert']).default('insert') }),
    headers: IdempotencyHeadersSchema,
    body: { content: importBodyContent, required: true },
  },
  responses: {
    201: {
      description: 'The tape was imported',
      content: { 'application/json': { schema: ImportResultSchema } },
    },
    415: unsupportedFormatResponse,
  },
});

const getColumns = defineRoute('public', {
  method: 'get',
  tags: ['Loans'],
  path: '/import/columns',
  summary: 'The columns a loan tape may have, with their Chinese names and rules',
  responses: {
    200: {
      description: 'The column table',
      content: { 'application/json': { schema: ColumnTableSchema } },
    },
  },
});

export const loanImportRoutes = createRouter()
  .openapi(postImport, async (c) => {
    const query = c.req.valid('query');
    const file = await importRequestOf(c, query, {
      mode: query.mode,
      idempotencyKey: c.req.valid('header')['idempotency-key'],
    });
    const result = await importLoanTape({ deps: c.get('deps'), actor: auditActorOf(c) }, file);
    return c.json(importedBody(c, result), 201);
  })
  .openapi(getColumns, (c) => c.json({ columns: tapeColumns }, 200));

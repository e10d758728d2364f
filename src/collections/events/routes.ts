// Mounted at /collections (src/app.ts).
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
import { collectionColumns } from './columns';
import { importCollections } from './import';

const postImport = defineRoute('collections:import', {
  method: 'post',
  tags: ['Collections'],
  path: '/import',
  summary:
    'Import collection history (payments, costs, status events) from CSV or XLSX, all or nothing',
  description:
    "One dated event per row; every loan must be in the book. Status events set the loan flags; a payment later than the loan's last payment becomes its last payment. Any bad row rejects the whole file with 422.",
  request: {
    query: ImportQuerySchema,
    headers: IdempotencyHeadersSchema,
    body: { content: importBodyContent, required: true },
  },
  responses: {
    201: {
      description: 'The events were imported',
      content: { 'application/json': { schema: ImportResultSchema } },
    },
    415: unsupportedFormatResponse,
  },
});

const getColumns = defineRoute('public', {
  method: 'get',
  tags: ['Collections'],
  path: '/import/columns',
  summary: 'The columns a collection-history file may have, with their Chinese names and rules',
  responses: {
    200: {
      description: 'The column table',
      content: { 'application/json': { schema: ColumnTableSchema } },
    },
  },
});

export const collections = createRouter()
  .openapi(postImport, async (c) => {
    const file = await importRequestOf(c, c.req.valid('query'), {
      mode: 'insert',
      idempotencyKey: c.req.valid('header')['idempotency-key'],
    });
    const result = await importCollections({ deps: c.get('deps'), actor: auditActorOf(c) }, file);
    return c.json(importedBody(c, result), 201);
  })
  .openapi(getColumns, (c) => c.json({ columns: collectionColumns }, 200));

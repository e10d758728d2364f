// Mounted at /loans (src/loans/routes.ts, itself at /loans in src/app.ts): /loans/import….
import { z } from '@hono/zod-openapi';
import { defineRoute } from '../../access';
import {
  columnTableResponses,
  ImportQuerySchema,
  importRequest,
  importResponses,
  serveImport,
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
    'Headers may be the canonical names or the Chinese ones of GET /loans/import/columns; a header it does not know is a 422 naming the closest known one, unless unknown_columns=ignore. Any bad row rejects the whole file with 422 naming up to 100 errors by row and column. Both answers list the columns taken and ignored (`columns`). mode=upsert updates loans already in the book (only the fields the file has columns for).',
  request: importRequest(
    ImportQuerySchema.extend({ mode: z.enum(['insert', 'upsert']).default('insert') }),
  ),
  responses: importResponses('The tape was imported'),
});

const getColumns = defineRoute('public', {
  method: 'get',
  tags: ['Loans'],
  path: '/import/columns',
  summary: 'The columns a loan tape may have, with their Chinese names and rules',
  responses: columnTableResponses,
});

export const loanImportRoutes = createRouter()
  .openapi(postImport, (c) => {
    const query = c.req.valid('query');
    return serveImport(c, query, query.mode, importLoanTape);
  })
  .openapi(getColumns, (c) => c.json({ columns: tapeColumns }, 200));

// Mounted at /collections (src/app.ts).
import { defineRoute } from '../../access';
import {
  columnTableResponses,
  ImportQuerySchema,
  importRequest,
  importResponses,
  serveImport,
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
    "One dated event per row; every loan must be in the book. Status events set the loan flags; a payment later than the loan's last payment becomes its last payment. A header it does not know is a 422 naming the closest known one, unless unknown_columns=ignore. Any bad row rejects the whole file with 422. Both answers list the columns taken and ignored (`columns`).",
  request: importRequest(ImportQuerySchema),
  responses: importResponses('The events were imported'),
});

const getColumns = defineRoute('public', {
  method: 'get',
  tags: ['Collections'],
  path: '/import/columns',
  summary: 'The columns a collection-history file may have, with their Chinese names and rules',
  responses: columnTableResponses,
});

export const collections = createRouter()
  .openapi(postImport, (c) => serveImport(c, c.req.valid('query'), 'insert', importCollections))
  .openapi(getColumns, (c) => c.json({ columns: collectionColumns }, 200));

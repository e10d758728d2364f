// Mounted at /reconciliation (src/app.ts).
import { defineRoute } from '../access';
import { createRouter } from '../shared';
import { sendWorkbook } from '../xlsx';
import { reconcile } from './reconciliation';
import { reconciliationSheet } from './reconciliation-sheet';
import * as schemas from './schemas';
import { reconciliationView } from './views';

const getReconciliation = defineRoute('ledger:read', {
  method: 'get',
  path: '/',
  tags: ['Ledger'],
  summary:
    'One reconciliation report: book claims, the register and the memorandum, each sale, collections owed to buyers',
  description:
    'Each line ties two records kept apart and says whether it ties and the difference (left − right) where it does not. Book claims are the loan book as it stands now.',
  request: { query: schemas.ReconciliationQuery },
  responses: {
    200: {
      description:
        'The reconciliation lines; with `format=xlsx` an Excel workbook (real numbers, header row frozen)',
      content: {
        'application/json': { schema: schemas.ReconciliationSchema },
        ...schemas.XlsxContent,
      },
    },
  },
});

export const reconciliationRoutes = createRouter().openapi(getReconciliation, async (c) => {
  const { as_of: asOfQuery, format } = c.req.valid('query');
  const report = reconcile(c.get('deps'), asOfQuery ?? c.get('deps').clock.today());
  if (format === 'json') return c.json(reconciliationView(report), 200);
  return sendWorkbook(c, `reconciliation-${report.asOf}.xlsx`, reconciliationSheet(report), {
    action: 'reconciliation.downloaded',
    targetType: 'reconciliation',
    targetId: report.asOf,
  });
});

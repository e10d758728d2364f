import { z } from '@hono/zod-openapi';
import { isoDate, yuanAmount } from '../shared';

// The API contract of the reconciliation report.

export const ReconciliationQuery = z.object({
  as_of: isoDate.optional().openapi({ description: 'Default: today' }),
  format: z
    .enum(['json', 'xlsx'])
    .default('json')
    .openapi({ description: '`xlsx` downloads the report as an Excel workbook' }),
});

const Side = z.object({ label: z.string(), amount: yuanAmount });

export const ReconciliationSchema = z
  .object({
    asOf: isoDate,
    ties: z.boolean().openapi({ description: 'Every line ties' }),
    lines: z.array(
      z.object({
        check: z.string(),
        left: Side,
        right: Side,
        ties: z.boolean(),
        difference: yuanAmount.openapi({ description: 'Left − right; 0.00 when the line ties' }),
      }),
    ),
  })
  .openapi('Reconciliation');

export const XlsxContent = {
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
    schema: z.string().openapi({ format: 'binary' }),
  },
};

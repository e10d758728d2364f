// Mounted at /collections (src/app.ts): /collections/effectiveness….
import { z } from '@hono/zod-openapi';
import { defineRoute } from '../../access';
import { sendWorkbook, XLSX_CONTENT_TYPE } from '../../xlsx';
import { problemResponseDoc as problem, Problem, createRouter } from '../../shared';
import { effectivenessReport } from './effectiveness';
import { bookDataDate } from '../../loans';
import { writtenOffAccounts } from './effectiveness-repository';
import { EffectivenessQuery, EffectivenessSchema } from './effectiveness-schemas';
import { effectivenessSheet } from './effectiveness-sheet';
import { effectivenessView } from './effectiveness-views';

const json = <T extends z.ZodType>(schema: T) => ({ 'application/json': { schema } });

const getEffectiveness = defineRoute('collections:read', {
  method: 'get',
  path: '/effectiveness',
  tags: ['Collections'],
  summary:
    'Collection effectiveness (催收成功率, 催收成本评估) per channel, delinquency grade, placement stage or month of placement',
  description:
    'For the placements of written-off accounts that started in the window: accounts worked, amount placed and recovered while placed, payer rate within 3, 6 and 12 months, cost-to-collect, net recovery, and the trend by month of placement. The book records payments and costs, not hand-overs: placements are read off the collection ladder shown in the answer (in house, then agencies by months since charge-off; a lawsuit moves the account to legal). With `format=xlsx` an Excel workbook.',
  request: { query: EffectivenessQuery },
  responses: {
    200: {
      description: 'One row per group, with its trend, and the total',
      content: {
        ...json(EffectivenessSchema),
        [XLSX_CONTENT_TYPE]: { schema: z.string().openapi({ format: 'binary' }) },
      },
    },
    409: problem('The loan book is empty'),
  },
});

/** Mounted at `/collections` beside the import routes. */
export const effectivenessRoutes = createRouter().openapi(getEffectiveness, async (c) => {
  const { from, to, by, scheme, format } = c.req.valid('query');
  const { db, config } = c.get('deps');
  const grades = config.delinquencySchemes[scheme];
  if (!grades)
    throw new Problem('validation_failed', '1 invalid request field(s)', {
      errors: [
        {
          field: 'query.scheme',
          message: `no delinquency scheme "${scheme}"; configured: ${Object.keys(config.delinquencySchemes).join(', ')}`,
        },
      ],
    });
  const dataEnd = bookDataDate(db);
  const chargedOffBy = to && to < dataEnd ? to : dataEnd;
  const report = effectivenessReport(writtenOffAccounts(db, chargedOffBy, dataEnd), {
    by,
    from,
    to,
    dataEnd,
    chargeOffDpd: config.chargeOffDpdThreshold,
    grades,
  });
  if (format === 'json') return c.json(effectivenessView(report, { from, to, dataEnd }), 200);
  const audit = {
    action: 'collections.effectiveness.downloaded',
    targetType: 'collection_effectiveness',
    targetId: `${by}:${from ?? 'start'}..${to ?? dataEnd}`,
  };
  return sendWorkbook(
    c,
    `collection-effectiveness-by-${by}.xlsx`,
    effectivenessSheet(report),
    audit,
  );
});

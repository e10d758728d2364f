import type { z } from '@hono/zod-openapi';
import { formatFen } from '../shared';
import type { Reconciliation } from './reconciliation';
import type { ReconciliationSchema } from './schemas';

export function reconciliationView(report: Reconciliation): z.infer<typeof ReconciliationSchema> {
  return {
    asOf: report.asOf,
    ties: report.ties,
    lines: report.lines.map((line) => ({
      check: line.check,
      left: { label: line.left.label, amount: formatFen(line.left.amountFen) },
      right: { label: line.right.label, amount: formatFen(line.right.amountFen) },
      ties: line.ties,
      difference: formatFen(line.differenceFen),
    })),
  };
}

import type { Sheet } from '../xlsx';
import type { Reconciliation } from './reconciliation';
import type { ReconciliationLine } from './reconciliation-line';

/** The reconciliation as a controller files it: one row per line, both figures, the difference, whether it ties. */
export function reconciliationSheet(report: Reconciliation): Sheet<ReconciliationLine> {
  return {
    name: `Reconciliation ${report.asOf}`,
    pages: [report.lines],
    columns: [
      { header: 'Check', kind: 'text', width: 48, value: (line) => line.check },
      { header: 'Left', kind: 'text', width: 56, value: (line) => line.left.label },
      { header: 'Left amount', kind: 'money', width: 18, value: (line) => line.left.amountFen },
      { header: 'Right', kind: 'text', width: 56, value: (line) => line.right.label },
      { header: 'Right amount', kind: 'money', width: 18, value: (line) => line.right.amountFen },
      { header: 'Difference', kind: 'money', width: 16, value: (line) => line.differenceFen },
      { header: 'Ties', kind: 'text', width: 8, value: (line) => (line.ties ? 'yes' : 'no') },
    ],
  };
}

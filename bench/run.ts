import { importCase } from './import';
import { portfolioCase } from './portfolio';
import { stratsCase } from './strats';
import { simulationCase } from './simulation';
import { valuationCase } from './valuation';
import { writeOffsCase } from './write-offs';

/**
 * The benchmark runner: `npm run bench` runs every case, `npm run bench -- NAME [options]` one.
 * Each case prints one JSON line with its measurements.
 */
const cases: Record<string, (args: string[]) => Promise<void>> = {
  import: importCase,
  'write-offs': writeOffsCase,
  portfolio: portfolioCase,
  strats: stratsCase,
  valuation: valuationCase,
  simulation: simulationCase,
  'xlsx-writer': (args) => import('./xlsx-writer').then((module) => module.dataRoomCase(args)),
  sale: (args) => import('./sale').then((module) => module.saleCase(args)),
  'data-room': (args) =>
    import('./data-room-portfolio').then((module) => module.dataRoomPortfolioCase(args)),
  hostile: (args) => import('./hostile').then((module) => module.hostileCase(args)),
};

const [first, ...rest] = process.argv.slice(2);
const named = first !== undefined && !first.startsWith('--');
const selected = named ? [first] : Object.keys(cases);
const args = named ? rest : process.argv.slice(2);
for (const name of selected) {
  const run = cases[name];
  if (!run) {
    console.error(`no benchmark case "${name}"; cases: ${Object.keys(cases).join(', ')}`);
    process.exit(2);
  }
  await run(args);
}

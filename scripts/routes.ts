/**
 * Prints every route of the API, one a line: method, full path as served, and the file that
 * declares it. It builds the app on an in-memory database; nothing is served or written.
 */
import { openDatabase } from '../db';
import { createApp } from '../src/app';
import { routeTable } from '../src/access';
import { defaultConfig, systemClock } from '../src/shared';

const app = createApp({
  db: openDatabase(':memory:'),
  clock: systemClock,
  config: defaultConfig,
  log: () => {},
});
const routes = routeTable(app);
const methodWidth = Math.max(...routes.map((route) => route.method.length));
const pathWidth = Math.max(...routes.map((route) => route.path.length));
const lines = routes.map(
  ({ method, path, source }) =>
    `${method.padEnd(methodWidth)}  ${path.padEnd(pathWidth)}  ${source}`,
);
// A reader that stops early (`npm run routes | head`) closes the pipe: that is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
});
process.stdout.write(`${lines.join('\n')}\n`);

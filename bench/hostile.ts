import { spawn } from 'node:child_process';
import {
  createReadStream,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  bigMultipart,
  longLineCsv,
  sharedStringsBomb,
  whitespaceBomb,
  XLSX_TYPE,
} from './hostile-files';

const MB = 1024 * 1024;
const ADMIN_TOKEN = 'hostile-bench-admin-token-0000';

/**
 * The `hostile` case: the real server (`src/server.ts`, a child process on a temp data folder and
 * its own temp folder, empty platform) is sent the worst uploads one after another — a 600 MB
 * multipart form, a CSV with a 10 MB line, a shared-strings bomb and a whitespace bomb (.xlsx) —
 * each generated first into a file and streamed from it, while `GET /health` is timed every
 * 100 ms. Prints the slowest /health, the server's peak RSS (VmHWM) over the run and per case (the
 * peak is reset before each case, so it starts from the RSS the one before left), every answer,
 * and the bytes the server left in its temp folder and its data folder (besides the database).
 * Options: `--multipart-mb N` (600), `--bomb-mb N` (256, inflated), `--line-mb N` (10).
 */
export async function hostileCase(args: string[]): Promise<void> {
  const option = (name: string, fallback: number) => {
    const at = args.indexOf(`--${name}`);
    return at >= 0 ? Number(args[at + 1]) : fallback;
  };
  const root = join(tmpdir(), `hostile-bench-${process.pid}`);
  const [files, data, temp] = ['files', 'data', 'tmp'].map((name) => join(root, name)) as [
    string,
    string,
    string,
  ];
  for (const folder of [files, data, temp]) mkdirSync(folder, { recursive: true });
  try {
    const paths = {
      sharedStrings: join(files, 'shared-strings-bomb.xlsx'),
      whitespace: join(files, 'whitespace-bomb.xlsx'),
      longLine: join(files, 'long-line.csv'),
      multipart: join(files, 'multipart.body'),
    };
    await sharedStringsBomb(paths.sharedStrings, option('bomb-mb', 256) * MB);
    await whitespaceBomb(paths.whitespace, option('bomb-mb', 256) * MB);
    await longLineCsv(paths.longLine, option('line-mb', 10) * MB);
    const boundary = await bigMultipart(paths.multipart, option('multipart-mb', 600) * MB);

    const server = await startServer(data, temp);
    try {
      const before = { temp: bytesUnder(temp), data: bytesUnder(data, isDatabase) };
      const risk = await riskToken(server.port);
      const health = timeHealth(server.port);
      const answers = [];
      let overallPeakKb = 0;
      for (const [name, path, contentType, query] of [
        ['multipart', paths.multipart, `multipart/form-data; boundary=${boundary}`, ''],
        ['10 MB CSV line', paths.longLine, 'text/csv', ''],
        ['shared-strings bomb', paths.sharedStrings, XLSX_TYPE, ''],
        ['whitespace bomb', paths.whitespace, XLSX_TYPE, ''],
      ] as const) {
        health.window();
        const peakBefore = peakRssKb(server.pid);
        resetPeakRss(server.pid);
        const answer = await upload(server.port, `/loans/import${query}`, risk, contentType, path);
        const peak = peakRssKb(server.pid);
        overallPeakKb = Math.max(overallPeakKb, peakBefore, peak);
        answers.push({
          name,
          bytes: statSync(path).size,
          ...answer,
          slowestHealthMs: health.window(),
          peakRssMb: Math.round(peak / 1024),
        });
      }
      const slowestHealthMs = await health.stop();
      const after = { temp: bytesUnder(temp), data: bytesUnder(data, isDatabase) };
      console.log(
        JSON.stringify({
          case: 'hostile',
          slowestHealthMs,
          healthChecks: health.count(),
          peakRssMb: Math.round(Math.max(overallPeakKb, peakRssKb(server.pid)) / 1024),
          answers,
          leftBytes: {
            tmp: after.temp - before.temp,
            dataFolder: after.data - before.data,
          },
          leftFiles: [
            ...filesUnder(temp),
            ...filesUnder(data).filter((name) => !isDatabase(name)),
          ].slice(0, 20),
          targets: { slowestHealthMs: 250, peakRssMb: 500, leftBytes: 0 },
        }),
      );
    } finally {
      server.stop();
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

const isDatabase = (name: string) => /\.db(-wal|-shm)?$/.test(name);

/** The bytes of every file under `folder`, but those `skip` names. */
function bytesUnder(folder: string, skip: (name: string) => boolean = () => false): number {
  let total = 0;
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) total += bytesUnder(path, skip);
    else if (!skip(entry.name)) total += statSync(path).size;
  }
  return total;
}

function filesUnder(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(folder.length + 1));
}

/** Starts a new peak (VmHWM) for the process: each case's own peak RSS, not the run's so far. */
function resetPeakRss(pid: number): void {
  writeFileSync(`/proc/${pid}/clear_refs`, '5');
}

/** The server's peak resident memory so far (VmHWM), in KB. */
function peakRssKb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
}

/** Starts `src/server.ts` (node with tsx's loader: the pid is the server's own) and waits until it listens. */
async function startServer(data: string, temp: string) {
  const port = 30_000 + (process.pid % 20_000);
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    env: {
      ...process.env,
      PORT: String(port),
      DATABASE_PATH: join(data, 'platform.db'),
      PLATFORM_DEMO: '0',
      PLATFORM_ADMIN_TOKEN: ADMIN_TOKEN,
      TMPDIR: temp,
      // tsx's compile cache would land in TMPDIR and be counted as left behind.
      TSX_DISABLE_CACHE: '1',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    let seen = '';
    child.stdout.on('data', (chunk: Buffer) => {
      seen += chunk.toString();
      if (seen.includes('platform listening')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`the server exited with ${code}: ${seen}`)));
  });
  child.stdout.resume();
  return { port, pid: child.pid!, stop: () => child.kill('SIGTERM') };
}

async function call(port: number, method: string, path: string, token: string, body?: unknown) {
  const response = await fetch(`http://127.0.0.1:${port}${path}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!response.ok)
    throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as Record<string, unknown>;
}

/** A risk user's token (imports are the risk role's), made by the administrator. */
async function riskToken(port: number): Promise<string> {
  const user = await call(port, 'POST', '/users', ADMIN_TOKEN, {
    name: 'Hostile bench',
    email: 'hostile@bench.local',
    role: 'risk',
  });
  const issued = await call(port, 'POST', `/users/${user.id}/tokens`, ADMIN_TOKEN, {
    label: 'bench',
  });
  return issued.token as string;
}

/** Times `GET /health` every 100 ms until stopped; a check still waiting counts as it stands. */
function timeHealth(port: number) {
  let slowest = 0;
  let windowSlowest = 0;
  let count = 0;
  let waitingSince: number | undefined;
  const timer = setInterval(() => {
    if (waitingSince !== undefined) return; // one at a time: a slow answer is one slow check
    waitingSince = performance.now();
    fetch(`http://127.0.0.1:${port}/health`)
      .then((response) => response.arrayBuffer())
      .catch(() => undefined)
      .finally(() => {
        const took = performance.now() - waitingSince!;
        [slowest, windowSlowest] = [Math.max(slowest, took), Math.max(windowSlowest, took)];
        count += 1;
        waitingSince = undefined;
      });
  }, 100);
  return {
    count: () => count,
    /** The slowest check since the last call (rounded ms), and a new window. */
    window(): number {
      const result = Math.round(windowSlowest);
      windowSlowest = 0;
      return result;
    },
    async stop(): Promise<number> {
      clearInterval(timer);
      while (waitingSince !== undefined) await new Promise((resolve) => setTimeout(resolve, 10));
      return Math.round(slowest);
    },
  };
}

/** Streams a file as a request body (with its Content-Length); answers the status, the time and the problem's detail. */
function upload(port: number, path: string, token: string, contentType: string, file: string) {
  const started = performance.now();
  return new Promise<{ status: number; seconds: number; detail?: string }>((resolve, reject) => {
    const outgoing = request(
      {
        host: '127.0.0.1',
        port,
        path,
        method: 'POST',
        headers: {
          Authorization: `Bearer ${token}`,
          'Content-Type': contentType,
          'Content-Length': statSync(file).size,
        },
      },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += text.length < 200_000 ? chunk : ''));
        response.on('end', () => {
          const seconds = Math.round(performance.now() - started) / 1000;
          let detail: string | undefined;
          try {
            detail = (JSON.parse(text) as { detail?: string }).detail?.slice(0, 160);
          } catch {
            detail = text.slice(0, 160);
          }
          resolve({ status: response.statusCode ?? 0, seconds, ...(detail ? { detail } : {}) });
        });
      },
    );
    // A server may answer (413, 422) before it has read the whole body, and close: that is no failure.
    let answered = false;
    outgoing.on('response', () => (answered = true));
    outgoing.on('error', (error) => (answered ? undefined : reject(error)));
    createReadStream(file).pipe(outgoing);
  });
}

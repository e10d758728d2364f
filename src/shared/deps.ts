import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Db, Role } from '../../db';
import type { Clock } from './clock';
import type { PlatformConfig } from './config';

/** One structured log line (written as JSON). */
export type LogEntry = { level: 'info' | 'warn' | 'error'; message: string } & Record<
  string,
  unknown
>;

/** What the app is built from; tests pass their own database, clock, configuration and log. */
export interface AppDeps {
  db: Db;
  clock: Clock;
  config: PlatformConfig;
  /** Where log lines go; one JSON line each on stdout when absent. */
  log?: (entry: LogEntry) => void;
}

/** The user behind the bearer token of a request. */
export interface AuthenticatedUser {
  id: number;
  tokenId: number;
  name: string;
  email: string;
  role: Role;
  buyerOrganisationId: number | null;
}

/** Context variables every route can read. */
export interface AppEnv {
  Variables: {
    deps: AppDeps;
    requestId: string;
    /** The authenticated user; undefined only on public routes called without a token. */
    user: AuthenticatedUser | undefined;
    /** Who is acting, readable: the user's email, or `anonymous` on public routes. */
    actor: string;
  };
}

export type RouteApp = OpenAPIHono<AppEnv>;

/** Writes a log entry through the app's log, or as one JSON line on stdout. */
export function writeLog(deps: AppDeps, entry: LogEntry): void {
  if (deps.log) deps.log(entry);
  else console.log(JSON.stringify(entry));
}

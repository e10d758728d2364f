import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Db } from '../../db/client';
import type { Clock } from './clock';
import type { PlatformConfig } from './config';

/** What the app is built from; tests pass their own database, clock and configuration. */
export interface AppDeps {
  db: Db;
  clock: Clock;
  config: PlatformConfig;
}

/** Context variables every route can read. */
export interface AppEnv {
  Variables: {
    deps: AppDeps;
    requestId: string;
    /** Who is acting; the access-control layer sets it, until then `anonymous`. */
    actor: string;
  };
}

export type RouteApp = OpenAPIHono<AppEnv>;

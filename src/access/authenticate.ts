import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import { type AppDeps, type AppEnv, Problem } from '../shared';
import { FailedAuthLimiter } from './failed-auth-limiter';
import { findTokenOwner } from './repository';
import { bearerToken, hashToken, tokenDisplayPrefix } from './tokens';

/** One limiter per app (its deps), so apps in one process (the tests) keep their own counts. */
const limiters = new WeakMap<AppDeps, FailedAuthLimiter>();

function limiterOf(deps: AppDeps): FailedAuthLimiter {
  let limiter = limiters.get(deps);
  if (!limiter)
    limiters.set(deps, (limiter = new FailedAuthLimiter(deps.config.failedAuthentication)));
  return limiter;
}

/**
 * The address the request came from, as @hono/node-server hands over its socket. Forwarding
 * headers are not trusted: any client can write them.
 */
function clientAddress(c: Context<AppEnv>): string {
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress ?? 'unknown';
}

/**
 * Refuses a bearer token: 401, or 429 with Retry-After once the client address or the token's
 * prefix has failed more often than `PlatformConfig.failedAuthentication` allows.
 */
function refuse(c: Context<AppEnv>, token: string, detail: string): Problem {
  const deps = c.get('deps');
  const retryAfterSeconds = limiterOf(deps).fail(
    [`address ${clientAddress(c)}`, `token ${tokenDisplayPrefix(token)}`],
    Date.parse(deps.clock.now()),
  );
  if (retryAfterSeconds === undefined) return new Problem('unauthorized', detail);
  return new Problem(
    'too_many_requests',
    `too many failed authentications from this address or with this token; try again in ${retryAfterSeconds} s`,
    { retryAfterSeconds },
  );
}

/**
 * Resolves the bearer token, when there is one, to its user. A token that is unknown, revoked or
 * expired is refused outright (401), even on public routes: a client sending a dead token should know.
 * Whether a route needs a user at all is `requires`' decision.
 */
export const authenticate = createMiddleware<AppEnv>(async (c, next) => {
  c.set('user', undefined);
  c.set('actor', 'anonymous');
  const token = bearerToken(c.req.header('Authorization'));
  if (token !== undefined) {
    const { db, clock } = c.get('deps');
    const owner = findTokenOwner(db, hashToken(token));
    if (!owner) throw refuse(c, token, 'the bearer token is not valid');
    if (owner.revokedAt) throw refuse(c, token, 'the bearer token has been revoked');
    if (owner.expiresAt && owner.expiresAt <= clock.now())
      throw refuse(c, token, 'the bearer token has expired');
    c.set('user', {
      id: owner.userId,
      tokenId: owner.tokenId,
      name: owner.name,
      email: owner.email,
      role: owner.role,
      buyerOrganisationId: owner.buyerOrganisationId,
    });
    c.set('actor', owner.email);
  }
  await next();
});

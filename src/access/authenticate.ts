import { createMiddleware } from 'hono/factory';
import { type AppEnv, Problem } from '../shared';
import { findTokenOwner } from './repository';
import { bearerToken, hashToken } from './tokens';

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
    if (!owner) throw new Problem('unauthorized', 'the bearer token is not valid');
    if (owner.revokedAt) throw new Problem('unauthorized', 'the bearer token has been revoked');
    if (owner.expiresAt && owner.expiresAt <= clock.now())
      throw new Problem('unauthorized', 'the bearer token has expired');
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

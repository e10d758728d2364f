import type { BuyerStatus, BuyerType, Role } from '../../db';
import { recordAudit } from '../audit';
import { Problem, type VerbContext } from '../shared';
import * as repo from './repository';
import { generateToken, hashToken, tokenDisplayPrefix } from './tokens';

export interface NewUser {
  name: string;
  email: string;
  role: Role;
  buyerOrganisationId?: number | undefined;
}

/** Creates a user; a buyer must name its organisation, no one else may. */
export function createUser({ tx, deps, actor }: VerbContext, input: NewUser) {
  const { clock } = deps;
  if (input.role === 'buyer') {
    if (input.buyerOrganisationId === undefined) {
      throw new Problem('validation_failed', 'a buyer user belongs to a buyer organisation', {
        errors: [{ field: 'json.buyerOrganisationId', message: 'required when role is buyer' }],
      });
    }
    if (!repo.findBuyerOrganisation(tx, input.buyerOrganisationId)) {
      throw new Problem(
        'validation_failed',
        `buyer organisation ${input.buyerOrganisationId} does not exist`,
        {
          errors: [{ field: 'json.buyerOrganisationId', message: 'no such buyer organisation' }],
        },
      );
    }
  } else if (input.buyerOrganisationId !== undefined) {
    throw new Problem('validation_failed', 'only buyer users belong to a buyer organisation', {
      errors: [
        { field: 'json.buyerOrganisationId', message: `must be absent for role ${input.role}` },
      ],
    });
  }
  if (repo.findUserByEmail(tx, input.email))
    throw new Problem('conflict', `a user with email ${input.email} already exists`);
  const user = repo.insertUser(tx, {
    name: input.name,
    email: input.email,
    role: input.role,
    buyerOrganisationId: input.buyerOrganisationId ?? null,
    createdAt: clock.now(),
  });
  recordAudit(tx, actor, clock.now(), {
    action: 'user.created',
    targetType: 'user',
    targetId: user.id,
    detail: { role: user.role },
  });
  return user;
}

/** A token to issue: for whom, its label and expiry, and (bootstrap, demo) its known value. */
export interface NewToken {
  userId: number;
  label?: string | undefined;
  expiresAt?: string | undefined;
  token?: string;
}

/**
 * Issues a bearer token for a user. The token is returned once, here; only its hash is stored.
 * `token` may be given (bootstrap and demo users with known tokens); otherwise it is generated.
 */
export function issueToken({ tx, deps, actor }: VerbContext, input: NewToken) {
  const { userId } = input;
  const { clock } = deps;
  if (!repo.findUser(tx, userId)) throw new Problem('not_found', `no user ${userId}`);
  // Stored in one canonical form (toISOString) so expiry compares correctly as text.
  const expiresAt = input.expiresAt === undefined ? null : new Date(input.expiresAt).toISOString();
  if (expiresAt !== null && expiresAt <= clock.now()) {
    throw new Problem('validation_failed', 'a token cannot expire in the past', {
      errors: [{ field: 'json.expiresAt', message: 'must be later than now' }],
    });
  }
  const token = input.token ?? generateToken();
  const stored = repo.insertToken(tx, {
    userId,
    tokenHash: hashToken(token),
    prefix: tokenDisplayPrefix(token),
    label: input.label ?? null,
    createdAt: clock.now(),
    expiresAt,
  });
  recordAudit(tx, actor, clock.now(), {
    action: 'token.issued',
    targetType: 'token',
    targetId: stored.id,
    detail: { userId },
  });
  return {
    id: stored.id,
    userId,
    token,
    prefix: stored.prefix,
    label: stored.label,
    createdAt: stored.createdAt,
    expiresAt: stored.expiresAt,
  };
}

/** Revokes a token; revoking it again changes nothing and says when it was first revoked. */
export function revokeToken({ tx, deps, actor }: VerbContext, { tokenId }: { tokenId: number }) {
  const { clock } = deps;
  const token = repo.findToken(tx, tokenId);
  if (!token) throw new Problem('not_found', `no token ${tokenId}`);
  if (token.revokedAt) return { id: token.id, revokedAt: token.revokedAt };
  const revokedAt = clock.now();
  repo.markTokenRevoked(tx, tokenId, revokedAt);
  recordAudit(tx, actor, revokedAt, {
    action: 'token.revoked',
    targetType: 'token',
    targetId: tokenId,
    detail: { userId: token.userId },
  });
  return { id: token.id, revokedAt };
}

/** A buyer organisation as registered; it starts `pending`. */
export interface NewBuyerOrganisation {
  name: string;
  type: BuyerType;
  licenceNumber: string;
  ndaSignedOn?: string | undefined;
  paymentDetails?: string | undefined;
}

/** Registers a buyer organisation (a collection agency or an AMC). */
export function createBuyerOrganisation(
  { tx, deps, actor }: VerbContext,
  input: NewBuyerOrganisation,
) {
  const { clock } = deps;
  if (repo.findBuyerOrganisationByName(tx, input.name))
    throw new Problem('conflict', `a buyer organisation named ${input.name} already exists`);
  const organisation = repo.insertBuyerOrganisation(tx, { ...input, createdAt: clock.now() });
  recordAudit(tx, actor, clock.now(), {
    action: 'buyer_organisation.created',
    targetType: 'buyer_organisation',
    targetId: organisation.id,
  });
  return organisation;
}

export interface BuyerVetting {
  /** The buyer organisation vetted. */
  id: number;
  status?: BuyerStatus | undefined;
  ndaSignedOn?: string | null | undefined;
  paymentDetails?: string | null | undefined;
}

/**
 * Records the vetting of a buyer: approval or suspension, the NDA on file, its payment details.
 * A suspended buyer keeps what it was offered on record but is offered nothing new.
 * @throws Problem not_found
 */
export function vetBuyerOrganisation(
  { tx, deps, actor }: VerbContext,
  { id, ...vetting }: BuyerVetting,
) {
  const { clock } = deps;
  const before = repo.findBuyerOrganisation(tx, id);
  if (!before) throw new Problem('not_found', `no buyer organisation ${id}`);
  const patch = Object.fromEntries(
    Object.entries(vetting).filter(([, value]) => value !== undefined),
  );
  const organisation = repo.updateBuyerOrganisation(tx, id, patch);
  recordAudit(tx, actor, clock.now(), {
    action: 'buyer_organisation.vetted',
    targetType: 'buyer_organisation',
    targetId: id,
    detail: { from: { status: before.status, ndaSignedOn: before.ndaSignedOn }, ...patch },
  });
  return organisation;
}

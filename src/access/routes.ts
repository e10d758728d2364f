// Mounted at / (src/app.ts).
import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import {
  type AppEnv,
  type AuthenticatedUser,
  Problem,
  createRouter,
  jsonBody as body,
  jsonResponse as json,
  problemResponseDoc as problem,
  type VerbContext,
} from '../shared';
import { verbContextOf } from './actor';
import { defineRoute } from './guard';
import { findBuyerOrganisation, listBuyerOrganisations, listUsers } from './repository';
import {
  BuyerOrganisationSchema,
  BuyerVettingSchema,
  IdParamSchema,
  IssuedTokenSchema,
  MeSchema,
  NewBuyerOrganisationSchema,
  NewTokenSchema,
  NewUserSchema,
  RevokedTokenSchema,
  UserSchema,
} from './schemas';
import {
  createBuyerOrganisation,
  createUser,
  issueToken,
  revokeToken,
  vetBuyerOrganisation,
} from './service';

const postUser = defineRoute('users:manage', {
  method: 'post',
  path: '/users',
  tags: ['Access'],
  summary: 'Create a user with one role',
  request: body(NewUserSchema),
  responses: { 201: json('The user', UserSchema) },
});
const getUsers = defineRoute('users:manage', {
  method: 'get',
  path: '/users',
  tags: ['Access'],
  summary: 'List users',
  responses: { 200: json('Every user', z.object({ users: z.array(UserSchema) })) },
});
const postToken = defineRoute('users:manage', {
  method: 'post',
  path: '/users/{id}/tokens',
  tags: ['Access'],
  summary: 'Issue a bearer token for a user (shown once)',
  request: { params: IdParamSchema, ...body(NewTokenSchema) },
  responses: { 201: json('The token, shown this once', IssuedTokenSchema) },
});
const deleteToken = defineRoute('users:manage', {
  method: 'delete',
  path: '/tokens/{id}',
  tags: ['Access'],
  summary: 'Revoke a token',
  request: { params: IdParamSchema },
  responses: { 200: json('The token is revoked', RevokedTokenSchema) },
});
const postOrganisation = defineRoute('users:manage', {
  method: 'post',
  path: '/buyer-organisations',
  tags: ['Access'],
  summary: 'Register a buyer organisation',
  request: body(NewBuyerOrganisationSchema),
  responses: { 201: json('The organisation', BuyerOrganisationSchema) },
});
const getOrganisations = defineRoute('users:manage', {
  method: 'get',
  path: '/buyer-organisations',
  tags: ['Access'],
  summary: 'List buyer organisations',
  responses: {
    200: json(
      'Every organisation',
      z.object({ buyerOrganisations: z.array(BuyerOrganisationSchema) }),
    ),
  },
});
const patchOrganisation = defineRoute('users:manage', {
  method: 'patch',
  path: '/buyer-organisations/{id}',
  tags: ['Access'],
  summary: 'Vet a buyer organisation: approve or suspend it, record its NDA and payment details',
  request: { params: IdParamSchema, ...body(BuyerVettingSchema) },
  responses: {
    200: json('The organisation', BuyerOrganisationSchema),
    404: problem('No such buyer organisation'),
  },
});
const getMe = defineRoute('me:read', {
  method: 'get',
  path: '/me',
  tags: ['Access'],
  summary: 'Who the token belongs to',
  responses: { 200: json('The caller', MeSchema) },
});

/** Runs an access verb in one transaction of its own, as the request's user. */
function inTransaction<T>(c: Context<AppEnv>, verb: (ctx: VerbContext) => T): T {
  return c.get('deps').db.transaction((tx) => verb(verbContextOf(c, tx)));
}

function signedInUser(user: AuthenticatedUser | undefined): AuthenticatedUser {
  if (!user) throw new Problem('unauthorized', 'this route needs a bearer token');
  return user;
}

export const access = createRouter()
  .openapi(postUser, (c) =>
    c.json(
      inTransaction(c, (ctx) => createUser(ctx, c.req.valid('json'))),
      201,
    ),
  )
  .openapi(getUsers, (c) => c.json({ users: listUsers(c.get('deps').db) }, 200))
  .openapi(postToken, (c) =>
    c.json(
      inTransaction(c, (ctx) =>
        issueToken(ctx, { userId: c.req.valid('param').id, ...c.req.valid('json') }),
      ),
      201,
    ),
  )
  .openapi(deleteToken, (c) =>
    c.json(
      inTransaction(c, (ctx) => revokeToken(ctx, { tokenId: c.req.valid('param').id })),
      200,
    ),
  )
  .openapi(postOrganisation, (c) =>
    c.json(
      inTransaction(c, (ctx) => createBuyerOrganisation(ctx, c.req.valid('json'))),
      201,
    ),
  )
  .openapi(patchOrganisation, (c) =>
    c.json(
      inTransaction(c, (ctx) =>
        vetBuyerOrganisation(ctx, { id: c.req.valid('param').id, ...c.req.valid('json') }),
      ),
      200,
    ),
  )
  .openapi(getOrganisations, (c) =>
    c.json({ buyerOrganisations: listBuyerOrganisations(c.get('deps').db) }, 200),
  )
  .openapi(getMe, (c) => {
    const user = signedInUser(c.get('user'));
    const organisation =
      user.buyerOrganisationId === null
        ? null
        : (findBuyerOrganisation(c.get('deps').db, user.buyerOrganisationId) ?? null);
    return c.json(
      {
        id: user.id,
        name: user.name,
        email: user.email,
        role: user.role,
        buyerOrganisation: organisation,
      },
      200,
    );
  });

import { systemActor } from '../audit';
import type { AppDeps } from '../shared';
import { findBuyerOrganisationByName, findUserByEmail } from './repository';
import {
  createBuyerOrganisation,
  createUser,
  issueToken,
  vetBuyerOrganisation,
  type NewUser,
} from './service';

/** The demo users, one per role (two in finance, for maker-checker), with fixed well-known tokens. */
export const demoUsers = [
  {
    email: 'admin@demo.local',
    name: 'Demo administrator',
    role: 'admin',
    token: 'demo-admin-token',
  },
  { email: 'risk@demo.local', name: '风险 Risk analyst', role: 'risk', token: 'demo-risk-token' },
  {
    email: 'finance@demo.local',
    name: '财务 Finance preparer',
    role: 'finance',
    token: 'demo-finance-token',
  },
  {
    email: 'checker@demo.local',
    name: '财务 Finance approver',
    role: 'finance',
    token: 'demo-checker-token',
  },
  {
    email: 'buyer@demo.local',
    name: 'AMC buyer',
    role: 'buyer',
    token: 'demo-buyer-token',
    organisation: 'Demo AMC 示范资产管理有限公司',
  },
] as const;

const demoOrganisation = {
  name: 'Demo AMC 示范资产管理有限公司',
  type: 'amc',
  licenceNumber: 'AMC-DEMO-0001',
  ndaSignedOn: '2026-01-05',
  paymentDetails: '示范资产管理有限公司 · 中国工商银行北京分行 · 0200 0000 0000 0000 001',
} as const;

/**
 * Adds the demo users (once) and prints their tokens. Only for a database seeded with the demo book:
 * a real deployment never has these well-known tokens.
 */
export function seedDemoUsers(deps: AppDeps, print: (line: string) => void): void {
  deps.db.transaction((tx) => {
    const ctx = { tx, deps, actor: systemActor('demo') };
    const organisation =
      findBuyerOrganisationByName(tx, demoOrganisation.name) ??
      vetBuyerOrganisation(ctx, {
        id: createBuyerOrganisation(ctx, demoOrganisation).id,
        status: 'approved',
      });
    for (const demo of demoUsers) {
      if (findUserByEmail(tx, demo.email)) continue;
      const input: NewUser = { name: demo.name, email: demo.email, role: demo.role };
      if ('organisation' in demo) input.buyerOrganisationId = organisation.id;
      const user = createUser(ctx, input);
      issueToken(ctx, { userId: user.id, label: 'demo', token: demo.token });
    }
  });
  print(
    `Demo users (tokens for Authorization: Bearer …): ${demoUsers.map((u) => `${u.role} ${u.email} → ${u.token}`).join('; ')}`,
  );
}

import { systemActor } from '../audit';
import type { AppDeps } from '../shared';
import { countUsers } from './repository';
import { createUser, issueToken } from './service';

const MIN_TOKEN_LENGTH = 24;

/**
 * On first start with no users, creates the administrator. Its token comes from
 * `PLATFORM_ADMIN_TOKEN` when set, else it is generated and printed once: it is stored only hashed.
 */
export function bootstrapAdmin(
  deps: AppDeps,
  adminToken: string | undefined,
  print: (line: string) => void,
): void {
  if (countUsers(deps.db) > 0) return;
  if (adminToken !== undefined && adminToken.length < MIN_TOKEN_LENGTH) {
    throw new Error(`PLATFORM_ADMIN_TOKEN must be at least ${MIN_TOKEN_LENGTH} characters`);
  }
  const actor = systemActor();
  const issued = deps.db.transaction((tx) => {
    const ctx = { tx, deps, actor };
    const admin = createUser(ctx, {
      name: 'Platform administrator',
      email: 'admin@platform.local',
      role: 'admin',
    });
    return issueToken(ctx, {
      userId: admin.id,
      label: 'bootstrap',
      ...(adminToken ? { token: adminToken } : {}),
    });
  });
  print(
    adminToken
      ? 'Created the administrator admin@platform.local with the token from PLATFORM_ADMIN_TOKEN.'
      : `Created the administrator admin@platform.local. Its token, shown this once only: ${issued.token}`,
  );
}

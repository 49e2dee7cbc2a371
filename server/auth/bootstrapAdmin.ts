import { randomInt } from 'node:crypto';
import { passwordProblems } from '../../shared/auth/passwordPolicy.js';
import { ConfigError } from '../env.js';
import type { Accounts } from './Accounts.js';
import type { AuditLog } from './AuditLog.js';
import type { PasswordHasher } from './PasswordHasher.js';

export interface AdminSetup {
  username: string;
  /** From ADMIN_PASSWORD; when absent a one-time password is generated. Either is temporary. */
  password?: string;
}

const CLASSES = ['ABCDEFGHJKLMNPQRSTUVWXYZ', 'abcdefghijkmnpqrstuvwxyz', '23456789', '!#%+=?@'];

/**
 * On a database without users, creates the admin. Resolves with the generated one-time
 * password (to be printed once), or null. Either way the admin must change the password at the
 * first sign-in: ADMIN_PASSWORD sits in a unit file, a shell history or a compose file.
 */
export async function bootstrapAdmin(
  accounts: Accounts,
  audit: AuditLog,
  passwords: PasswordHasher,
  setup: AdminSetup,
): Promise<string | null> {
  if ((await accounts.count()) > 0) return null;
  const generated = setup.password === undefined ? generatePassword() : null;
  const password = setup.password ?? generated!;
  const problems = passwordProblems(password, setup.username);
  if (problems.length > 0) {
    throw new ConfigError(
      `ADMIN_PASSWORD does not meet the password policy: ${problems.join(', ')}`,
    );
  }
  const user = await accounts.create({
    username: setup.username,
    displayName: '系统管理员',
    passwordHash: await passwords.hash(password),
    isAdmin: true,
    mustChangePassword: true,
  });
  await audit.record({
    action: 'user.created',
    subject: `user:${user.id}`,
    detail: { admin: true, bootstrap: true },
  });
  return generated;
}

/** 16 characters with every class present, from an alphabet without look-alikes. */
function generatePassword(): string {
  const all = CLASSES.join('');
  const chars = CLASSES.map((c) => c[randomInt(c.length)]!);
  while (chars.length < 16) chars.push(all[randomInt(all.length)]!);
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j]!, chars[i]!];
  }
  return chars.join('');
}

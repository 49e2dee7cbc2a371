import { DomainError } from '../../shared/errors/DomainError.js';
import type { Accounts, User } from './Accounts.js';
import type { AuditLog } from './AuditLog.js';
import { AddressThrottle } from './AddressThrottle.js';
import type { PasswordHasher } from './PasswordHasher.js';
import type { SessionStore } from './SessionStore.js';

export interface SignInPolicy {
  /** Passwords checked per account and lock window; the last failed one locks the account. */
  maxFailures: number;
  lockMs: number;
  /** Failed attempts from one address within `lockMs` before it must wait. */
  maxFailuresPerAddress: number;
}

/**
 * Checking passwords: signing in and confirming one's own before a change. Each check of an
 * account's password first takes one of its attempts in the database (`Accounts.reserveAttempt`),
 * so however guesses arrive — in parallel, from many addresses, at several instances — no more
 * than `maxFailures` are checked per lock window. Also address throttling and the audit entries.
 */
export class SignIn {
  private readonly throttle: AddressThrottle;
  /** Verified against for unknown names and locked accounts, so that they take as long. */
  private readonly dummyHash: Promise<string>;

  constructor(
    private readonly accounts: Accounts,
    private readonly sessions: SessionStore,
    private readonly audit: AuditLog,
    private readonly policy: SignInPolicy,
    private readonly passwords: PasswordHasher,
    private readonly now: () => number = Date.now,
  ) {
    this.throttle = new AddressThrottle(policy.maxFailuresPerAddress, policy.lockMs, now);
    this.dummyHash = passwords.hash('not a password of anyone');
  }

  /** Resolves with the user and a new session token, or throws `invalid_credentials` or `too_many_attempts`. */
  async signIn(
    username: string,
    password: string,
    ip: string,
  ): Promise<{ user: User; token: string }> {
    if (!this.throttle.tryAcquire(ip)) {
      await this.audit.record({ action: 'login.throttled', subject: username, ip });
      throw new DomainError('too_many_attempts');
    }
    const user = await this.accounts.findByUsername(username);
    const refuse = async (reason: string, locks = false): Promise<never> => {
      const entry = { actorId: user?.id, subject: username, ip };
      await this.audit.record({ action: 'login.failure', ...entry, detail: { reason } });
      if (locks) await this.audit.record({ action: 'account.locked', ...entry });
      throw new DomainError('invalid_credentials');
    };
    if (!user || user.disabled) {
      await this.dummyCheck(password);
      return refuse(user ? 'disabled' : 'unknown');
    }
    const outcome = await this.countedCheck(user, password);
    if (outcome === 'locked') {
      await this.dummyCheck(password);
      return refuse('locked');
    }
    if (outcome !== 'right') return refuse('password', outcome === 'wrong-locks');
    this.throttle.forgive(ip);
    const token = await this.sessions.create(user.id);
    await this.audit.record({ action: 'login.success', actorId: user.id, subject: username, ip });
    return { user, token };
  }

  /**
   * A signed-in user's current password, before they may change it: checked against the same
   * attempts as signing in, or a stolen session would be an unlimited oracle for it. Throws 403
   * for a wrong password, 429 while the account is locked.
   */
  async confirmOwnPassword(user: User, password: string, ip: string): Promise<void> {
    const entry = { actorId: user.id, subject: `user:${user.id}`, ip };
    const outcome = await this.countedCheck(user, password);
    if (outcome === 'right') return;
    const reason = outcome === 'locked' ? 'locked' : 'password';
    await this.audit.record({ action: 'password.change_failed', ...entry, detail: { reason } });
    if (outcome === 'locked') throw new DomainError('too_many_attempts');
    if (outcome === 'wrong-locks') await this.audit.record({ action: 'account.locked', ...entry });
    throw new DomainError('wrong_password');
  }

  /**
   * One password check against the account's attempts: `locked` checks nothing; a right one
   * clears the count; `wrong-locks` is the failure that took the last attempt.
   */
  private async countedCheck(
    user: User,
    password: string,
  ): Promise<'locked' | 'right' | 'wrong' | 'wrong-locks'> {
    const { maxFailures, lockMs } = this.policy;
    const attempt = await this.accounts.reserveAttempt(user.id, this.now(), maxFailures, lockMs);
    if (!attempt) return 'locked';
    if (await this.passwords.verify(user.passwordHash, password)) {
      await this.accounts.clearFailures(user.id);
      return 'right';
    }
    return attempt.lockedUntil !== null ? 'wrong-locks' : 'wrong';
  }

  private async dummyCheck(password: string): Promise<void> {
    await this.passwords.verify(await this.dummyHash, password);
  }
}

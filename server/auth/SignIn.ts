import { HttpError } from '../http/HttpError.js';
import type { Accounts, UserRow } from './Accounts.js';
import type { AuditLog } from './AuditLog.js';
import { AddressThrottle } from './AddressThrottle.js';
import { hashPassword, verifyPassword } from './passwordHash.js';
import type { SessionStore } from './SessionStore.js';

export interface SignInPolicy {
  /** Failed attempts that lock an account. */
  maxFailures: number;
  lockMs: number;
  /** Failed attempts from one address within `lockMs` before it must wait. */
  maxFailuresPerAddress: number;
}

// One message for a wrong name, a wrong password and a locked account: none reveals which.
const REFUSED =
  '用户名或密码错误，或账户已被暂时锁定 (wrong username or password, or the account is locked)';

/** Signing in: password check, account lockout, address throttling and their audit entries. */
export class SignIn {
  private readonly throttle: AddressThrottle;
  /** Verified against for unknown names, so that they take as long as known ones. */
  private readonly dummyHash: Promise<string>;

  constructor(
    private readonly accounts: Accounts,
    private readonly sessions: SessionStore,
    private readonly audit: AuditLog,
    private readonly policy: SignInPolicy,
    private readonly now: () => number = Date.now,
  ) {
    this.throttle = new AddressThrottle(policy.maxFailuresPerAddress, policy.lockMs, now);
    this.dummyHash = hashPassword('not a password of anyone');
  }

  /** Resolves with the user and a new session token, or throws a 401/429 HttpError. */
  async signIn(
    username: string,
    password: string,
    ip: string,
  ): Promise<{ user: UserRow; token: string }> {
    if (this.throttle.isBlocked(ip)) {
      await this.audit.record({ action: 'login.throttled', subject: username, ip });
      throw new HttpError(429, 'too_many_attempts', '尝试次数过多，请稍后再试 (too many attempts)');
    }
    const user = await this.accounts.findByUsername(username);
    const valid = await verifyPassword(user?.password_hash ?? (await this.dummyHash), password);
    const locked = user?.locked_until != null && user.locked_until > this.now();
    if (!user || !valid || locked || user.disabled) {
      this.throttle.recordFailure(ip);
      const detail = {
        reason: !user ? 'unknown' : locked ? 'locked' : user.disabled ? 'disabled' : 'password',
      };
      await this.audit.record({
        action: 'login.failure',
        actorId: user?.id,
        subject: username,
        ip,
        detail,
      });
      if (user && !valid && !locked) {
        const nowLocked = await this.accounts.recordFailure(
          user,
          this.policy.maxFailures,
          this.policy.lockMs,
        );
        if (nowLocked)
          await this.audit.record({
            action: 'account.locked',
            actorId: user.id,
            subject: username,
            ip,
          });
      }
      throw new HttpError(401, 'invalid_credentials', REFUSED);
    }
    await this.accounts.clearFailures(user.id);
    const token = await this.sessions.create(user.id);
    await this.audit.record({ action: 'login.success', actorId: user.id, subject: username, ip });
    return { user, token };
  }
}

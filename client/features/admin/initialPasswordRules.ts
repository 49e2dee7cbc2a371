import { passwordRules, type PasswordRule } from '../auth/passwordRules.js';

/**
 * The policy for a password an admin sets: the same rules as for a change, less the two that
 * only the owner's form can check (differs from the old one, matches its confirmation).
 */
export function initialPasswordRules(username: string, password: string): PasswordRule[] {
  return passwordRules(username, '', password, password).filter(
    (rule) =>
      rule.label !== 'password.rule.same_as_old' && rule.label !== 'password.rule.confirmed',
  );
}

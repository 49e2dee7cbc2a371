import { PasswordPolicy, passwordProblems } from '../../../shared/auth/passwordPolicy.js';
import type { MessageKey, MessageParams } from '../../i18n/messages.js';

export interface PasswordRule {
  label: MessageKey;
  params?: MessageParams;
  met: boolean;
}

/**
 * The server's rules for a new password, each with whether it is met now, plus the match with
 * its confirmation (which only the form can check).
 */
export function passwordRules(
  username: string,
  oldPassword: string,
  newPassword: string,
  confirmation: string,
): PasswordRule[] {
  const problems = new Set(passwordProblems(newPassword, username));
  if (newPassword !== '' && newPassword === oldPassword) problems.add('same_as_old');
  // Rules about what the password equals say nothing until there is one.
  const typed = newPassword !== '';
  return [
    {
      label: 'password.rule.too_short',
      params: { min: PasswordPolicy.minLength },
      met: !problems.has('too_short'),
    },
    {
      label: 'password.rule.too_long',
      params: { max: PasswordPolicy.maxLength },
      met: !problems.has('too_long'),
    },
    {
      label: 'password.rule.too_few_classes',
      params: { classes: PasswordPolicy.minCharacterClasses },
      met: !problems.has('too_few_classes'),
    },
    { label: 'password.rule.same_as_username', met: typed && !problems.has('same_as_username') },
    { label: 'password.rule.same_as_old', met: typed && !problems.has('same_as_old') },
    { label: 'password.rule.confirmed', met: typed && newPassword === confirmation },
  ];
}

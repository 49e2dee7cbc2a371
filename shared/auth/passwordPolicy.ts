/** The password policy (等保 2.0: complexity, not equal to the account name). */
export const PasswordPolicy = {
  minLength: 8,
  maxLength: 128,
  /** Of: upper case, lower case, digits, symbols. */
  minCharacterClasses: 3,
} as const;

export type PasswordProblem =
  'too_short' | 'too_long' | 'too_few_classes' | 'same_as_username' | 'same_as_old';

/** What is wrong with `password` for `username`; empty when it is acceptable. */
export function passwordProblems(password: string, username: string): PasswordProblem[] {
  const problems: PasswordProblem[] = [];
  if (password.length < PasswordPolicy.minLength) problems.push('too_short');
  if (password.length > PasswordPolicy.maxLength) problems.push('too_long');
  const classes = [/[A-Z]/, /[a-z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(password));
  if (classes.length < PasswordPolicy.minCharacterClasses) problems.push('too_few_classes');
  if (password.toLowerCase() === username.toLowerCase()) problems.push('same_as_username');
  return problems;
}

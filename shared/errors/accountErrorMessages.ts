import type { ErrorText } from './errorText.js';

/** Signing in, passwords, users and branches. */
export const accountErrorMessages = {
  // One message for a wrong name, a wrong password and a locked account: none reveals which.
  invalid_credentials: {
    zh: '用户名或密码错误，或账户已被暂时锁定。',
    en: 'Wrong username or password, or the account is locked.',
  },
  too_many_attempts: {
    zh: '尝试次数过多，请稍后再试。',
    en: 'Too many attempts; try again later.',
  },
  wrong_password: { zh: '原密码不正确。', en: 'The current password is wrong.' },
  weak_password: {
    zh: '新密码不符合要求。',
    en: 'The new password does not meet the policy: {problems}',
  },
  'weak_password.initial': {
    zh: '初始密码不符合要求。',
    en: 'The initial password does not meet the policy: {problems}',
  },
  'weak_password.reset': {
    zh: '密码不符合要求。',
    en: 'The password does not meet the policy: {problems}',
  },
  username_taken: { zh: '用户名已存在。', en: 'This username is taken.' },
  cannot_disable_self: { zh: '不能停用自己的账户。', en: 'You cannot disable yourself.' },
  name_taken: { zh: '已有同名支部。', en: 'A branch has this name.' },
} as const satisfies Readonly<Record<string, ErrorText>>;

import { describe, expect, it } from 'vitest';
import { en } from '../../../client/i18n/en.js';
import { zhCN } from '../../../client/i18n/zhCN.js';
import { foreignWords, placeholders } from '../../shared/errors/latinWords.js';

describe('the Chinese UI', () => {
  it('has no English words in any message, the server refusals included', () => {
    const mixed = Object.entries(zhCN)
      .map(([key, text]) => ({ key, words: foreignWords(text) }))
      .filter((m) => m.words.length > 0);
    expect(mixed).toEqual([]);
  });

  it('shows the catalog of refusals under apiError.', () => {
    expect(zhCN['apiError.invalid_credentials']).toBe('用户名或密码错误，或账户已被暂时锁定。');
    expect(en['apiError.invalid_credentials']).toBe(
      'Wrong username or password, or the account is locked.',
    );
  });

  it('fills the same values in both languages', () => {
    const differ = Object.keys(zhCN)
      .filter((key) => !key.startsWith('apiError.'))
      .filter((key) => {
        const k = key as keyof typeof zhCN;
        return placeholders(zhCN[k]).join() !== placeholders(en[k]).join();
      });
    expect(differ).toEqual([]);
  });
});

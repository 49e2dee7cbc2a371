import { accountErrorMessages } from './accountErrorMessages.js';
import { appraisalErrorMessages } from './appraisalErrorMessages.js';
import { fillParams, type ErrorLanguage, type ErrorParams, type ErrorText } from './errorText.js';
import { generalErrorMessages } from './generalErrorMessages.js';
import { importErrorMessages } from './importErrorMessages.js';
import { meetingErrorMessages } from './meetingErrorMessages.js';
import { moderationErrorMessages } from './moderationErrorMessages.js';
import { rectificationErrorMessages } from './rectificationErrorMessages.js';

/**
 * Every refusal the server can give, keyed `code` or `code.variant`: the code is the stable
 * `error.code` of the API and of socket acks, the variant picks a more precise message.
 * One catalog in both languages; the client shows it in the UI's language.
 */
export const errorMessages = {
  ...generalErrorMessages,
  ...accountErrorMessages,
  ...meetingErrorMessages,
  ...importErrorMessages,
  ...appraisalErrorMessages,
  ...rectificationErrorMessages,
  ...moderationErrorMessages,
} as const satisfies Readonly<Record<string, ErrorText>>;

export type ErrorKey = keyof typeof errorMessages;

/** The stable code of a key: what comes before the first dot. */
export type CodeOf<K extends string> = K extends `${infer C}.${string}` ? C : K;
export type ErrorCode = CodeOf<ErrorKey>;

export function errorCodeOf<K extends ErrorKey>(key: K): CodeOf<K> {
  const dot = key.indexOf('.');
  return (dot < 0 ? key : key.slice(0, dot)) as CodeOf<K>;
}

export function isErrorKey(value: unknown): value is ErrorKey {
  return typeof value === 'string' && Object.hasOwn(errorMessages, value);
}

/** The message of `key` in `language`, its placeholders filled from `params`. */
export function errorMessage(key: ErrorKey, language: ErrorLanguage, params?: ErrorParams): string {
  return fillParams(errorMessages[key][language], params);
}

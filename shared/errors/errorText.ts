/** One error message in both UI languages; `{name}` placeholders are filled from the params. */
export interface ErrorText {
  zh: string;
  en: string;
}

export type ErrorLanguage = keyof ErrorText;

/** Values filled into a message's `{name}` placeholders. */
export type ErrorParams = Readonly<Record<string, string | number>>;

/** `template` with its `{name}` placeholders filled in; unknown ones are left as they are. */
export function fillParams(template: string, params: ErrorParams | undefined): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

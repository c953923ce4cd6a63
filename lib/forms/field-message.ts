// Field messages a schema names by catalogue key, worded in the reader's language where they are
// shown: the client form (useValidatedForm, with useTranslations) and the console's form actions
// (lib/actions/form.ts, with the request's translator). A schema is shared by both and has no
// language of its own, so its message is a fieldMessage call with a literal catalogue key and its
// values: a marked key the catalogue check (scripts/lib/i18n-check.ts) counts as used, like a
// literal t call. Client-safe.

const MARK = "\u0000i18n:";

/** A schema's message for `key` (a catalogue key) with its ICU values. */
export function fieldMessage(key: string, values?: Record<string, string | number>): string {
  return `${MARK}${JSON.stringify([key, values ?? {}])}`;
}

/** Any translator: next-intl's t or lib/i18n/translator's, called with a key read from a message. */
export type Translate = (key: string, values?: Record<string, string | number>) => string;

/**
 * One message in words: a marked key through `translate`, any other message as it is. A value
 * may itself be a marked key (a field's name, e.g. fieldMessage("console.fields.labels.discount")),
 * worded first.
 */
export function wordFieldMessage(message: string, translate: Translate): string {
  if (!message.startsWith(MARK)) return message;
  const [key, values] = JSON.parse(message.slice(MARK.length)) as [string, Record<string, string | number>];
  const worded = Object.fromEntries(Object.entries(values).map(([name, value]) => [name, typeof value === "string" ? wordFieldMessage(value, translate) : value]));
  return translate(key, worded);
}

/** Every field's messages in words. */
export function wordFieldErrors(errors: Record<string, string[]>, translate: Translate): Record<string, string[]> {
  return Object.fromEntries(Object.entries(errors).map(([field, messages]) => [field, messages.map((m) => wordFieldMessage(m, translate))]));
}

// A text is a plain string, or one form per plural category chosen with Intl.PluralRules
// for the language (Danish and English both have "one" and "other"; the types allow any
// language's categories so a third language needs no code change).
export type Plural = { count: string } & Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };
export type Text = string | Plural;
export type TextTable = Record<string, Text>;
/** The other language's table for the same keys: every key present, each a string or plural. */
export type Translation<T extends TextTable> = { [K in keyof T]: Text };

const rules = new Map<string, Intl.PluralRules>();

/** The form of `text` for the values given: a plural picks by its `count` value. */
export function pickForm(text: Text, locale: string, vars?: Record<string, string | number>): string {
  if (typeof text === 'string') return text;
  const n = Number(vars?.[text.count]);
  if (!Number.isFinite(n)) return text.other;
  let pr = rules.get(locale);
  if (!pr) rules.set(locale, (pr = new Intl.PluralRules(locale)));
  return text[pr.select(n)] ?? text.other;
}

import { create } from 'zustand';
import type { Refusal } from '../../../shared/index';

import { da } from './da';
import { en } from './en';
import { pickForm, type Text } from './plural';

// Danish is the default; English is one click away and remembered per device. The texts
// live per language and per screen in ./da and ./en; plurals go through Intl.PluralRules.
export type Lang = 'da' | 'en';

export type StringKey = keyof typeof da;

const STRINGS: Record<Lang, Record<StringKey, Text>> = { da, en };
const LOCALE: Record<Lang, string> = { da: 'da-DK', en: 'en-GB' };

const STORAGE_KEY = 'salen.lang';

function initialLang(): Lang {
  try {
    const v = globalThis.localStorage?.getItem(STORAGE_KEY);
    if (v === 'en' || v === 'da') return v;
  } catch {
    /* storage unavailable */
  }
  return 'da';
}

export const useLang = create<{ lang: Lang; setLang: (l: Lang) => void; toggle: () => void }>((set, get) => ({
  lang: initialLang(),
  setLang: (lang) => {
    try {
      localStorage.setItem(STORAGE_KEY, lang);
    } catch {
      /* ignore */
    }
    document.documentElement.lang = lang;
    set({ lang });
  },
  toggle: () => get().setLang(get().lang === 'da' ? 'en' : 'da'),
}));

export type Translate = (key: StringKey, vars?: Record<string, string | number>) => string;

export function translate(lang: Lang, key: StringKey, vars?: Record<string, string | number>): string {
  const s = translateQuiet(lang, key, vars);
  remember(s, key, vars);
  return s;
}

// --- Texts made earlier, in another language -------------------------------------------
// A press's feedback line keeps the label the screen gave it (a finished string, often
// composed: "Start Punkt 2", "Stem: For"). So that the line follows a language switch, each
// text `translate` made is remembered with its key and values (the most recent few hundred),
// and `relabel` puts every remembered text inside a label into the current language. Parts
// that no `translate` made (a person's name, a committee) stay as they are.
const made = new Map<string, { key: StringKey; vars?: Record<string, string | number> }>();
const MADE_MAX = 600;
let madeSorted: string[] | null = null;

function remember(text: string, key: StringKey, vars?: Record<string, string | number>) {
  if (text.length < 2 || made.get(text)?.key === key) return;
  made.delete(text);
  made.set(text, { key, vars });
  if (made.size > MADE_MAX) made.delete(made.keys().next().value!);
  madeSorted = null;
}

const isWordChar = (c: string | undefined) => !!c && /[\p{L}\p{N}]/u.test(c);

/** A label made by `translate` (whole, or of several texts) in the language `lang`. */
export function relabel(label: string, lang: Lang): string {
  const whole = made.get(label);
  if (whole) return translateQuiet(lang, whole.key, whole.vars);
  // Longest texts first, each only as whole words, never inside a part already replaced.
  madeSorted ??= [...made.keys()].sort((x, y) => y.length - x.length);
  const parts: { at: number; len: number; text: string }[] = [];
  for (const text of madeSorted) {
    let from = 0;
    for (;;) {
      const at = label.indexOf(text, from);
      if (at < 0) break;
      from = at + 1;
      const end = at + text.length;
      if (isWordChar(label[at - 1]) || isWordChar(label[end])) continue;
      if (parts.some((p) => at < p.at + p.len && end > p.at)) continue;
      const m = made.get(text)!;
      parts.push({ at, len: text.length, text: translateQuiet(lang, m.key, m.vars) });
    }
  }
  if (!parts.length) return label;
  parts.sort((x, y) => x.at - y.at);
  let out = '';
  let i = 0;
  for (const p of parts) {
    out += label.slice(i, p.at) + p.text;
    i = p.at + p.len;
  }
  return out + label.slice(i);
}

/** `translate` without remembering (relabelling must not reorder what is remembered). */
function translateQuiet(lang: Lang, key: StringKey, vars?: Record<string, string | number>): string {
  let s = pickForm(STRINGS[lang][key] ?? da[key] ?? key, LOCALE[lang], vars);
  if (vars) for (const [k, v] of Object.entries(vars)) s = s.split(`{${k}}`).join(String(v));
  return s;
}

/** The translator for the current language; re-renders when the language changes. */
export function useT(): Translate {
  const lang = useLang((s) => s.lang);
  return (key, vars) => translate(lang, key, vars);
}

/** A refusal as a user reads it: the paragraph, then the reason in the current language. */
export function refusalText(r: Pick<Refusal, 'paragraph' | 'message'>, lang: Lang): string {
  const msg = r.message[lang] ?? r.message.da;
  return r.paragraph && r.paragraph !== '—' ? `${r.paragraph}: ${msg}` : msg;
}

/** A moment as a clock time in the current language (e.g. a seat locked until 14.05.30). */
export function clockTime(epochMs: number, lang: Lang): string {
  return new Date(epochMs).toLocaleTimeString(LOCALE[lang], { hour: '2-digit', minute: '2-digit', second: '2-digit' });
}

/** A moment with its date (e.g. an amendment deadline the day before a second reading). */
export function dateTime(epochMs: number, lang: Lang): string {
  return new Date(epochMs).toLocaleString(LOCALE[lang], { dateStyle: 'medium', timeStyle: 'short' });
}

// --- Texts made on another screen, in another language -----------------------------------
// Some texts are made on one screen and stored in the meeting (an alliance's list name, made
// on the chair's console in the chair's language). `retranslate` recognises such a text by
// the template it was made from, in either language, and makes it again in `lang`.
const templates = new Map<string, RegExp | null>();

function templateRegex(lang: Lang, key: StringKey): RegExp | null {
  const id = `${lang}:${key}`;
  if (templates.has(id)) return templates.get(id)!;
  const text = STRINGS[lang][key];
  let re: RegExp | null = null;
  // Plain texts with literal words around their values only: "{name}" alone would match anything.
  if (typeof text === 'string' && text.replace(/\{\w+\}/g, '').trim()) {
    const seen = new Set<string>();
    const source = text
      .split(/(\{\w+\})/)
      .map((part) => {
        const v = /^\{(\w+)\}$/.exec(part)?.[1];
        if (!v) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        if (seen.has(v)) return `\\k<${v}>`;
        seen.add(v);
        return `(?<${v}>.+)`;
      })
      .join('');
    re = new RegExp(`^${source}$`, 'u');
  }
  templates.set(id, re);
  return re;
}

/**
 * `text` made from one of `keys` (in either language) made again in `lang`, its values in
 * turn the same way (an alliance that takes in an independent's list); any other text as it is.
 */
export function retranslate(text: string, keys: StringKey[], lang: Lang): string {
  for (const key of keys)
    for (const from of ['da', 'en'] as const) {
      const m = templateRegex(from, key)?.exec(text);
      if (!m?.groups) continue;
      const vars = Object.fromEntries(Object.entries(m.groups).map(([k, v]) => [k, retranslate(v, keys, lang)]));
      return translateQuiet(lang, key, vars);
    }
  return text;
}

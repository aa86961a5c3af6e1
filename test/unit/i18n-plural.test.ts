import { describe, expect, it } from 'vitest';
import { translate } from '../../client/src/i18n/index';
import { da } from '../../client/src/i18n/da/index';
import { en } from '../../client/src/i18n/en/index';

describe('texts per language with plurals (Intl.PluralRules)', () => {
  it('picks the singular and the plural by the count value, in both languages', () => {
    expect(translate('da', 'seatsCount', { n: 1 })).toBe('1 plads');
    expect(translate('da', 'seatsCount', { n: 3 })).toBe('3 pladser');
    expect(translate('en', 'seatsCount', { n: 1 })).toBe('1 seat');
    expect(translate('en', 'seatsCount', { n: 0 })).toBe('0 seats');
    expect(translate('en', 'roundVotedPublic', { voted: 1, present: 40 })).toBe('1 has voted · 40 present');
    expect(translate('en', 'roundVotedPublic', { voted: 2, present: 40 })).toBe('2 have voted · 40 present');
    expect(translate('da', 'statusCalledToOrder', { n: 2 })).toContain('2 gange');
    expect(translate('da', 'statusCalledToOrder', { n: 1 })).toContain('én gang');
  });

  it('every language has every key, and every plural names a count value its forms use', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(da).sort());
    for (const table of [da, en]) {
      for (const [key, text] of Object.entries(table)) {
        if (typeof text === 'string') continue;
        // The 'one' form may spell the number out ("én gang", "once"); 'other' shows it.
        expect(text.other, key).toContain(`{${text.count}}`);
      }
    }
  });
});

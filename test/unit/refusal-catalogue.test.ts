import { describe, expect, it } from 'vitest';
import { LOCAL_REFUSALS, REFUSALS, TRANSPORT_REFUSALS } from '../../shared/refusals';

// One catalogue of refusal codes (issue #12, item 2): the engine's, the transport's and the
// local ones (a screen's own, the HTTP routes'). A code means one thing wherever it is given.
describe('the refusal catalogue', () => {
  const catalogues = { REFUSALS, TRANSPORT_REFUSALS, LOCAL_REFUSALS } as Record<string, Record<string, readonly [string, string, string]>>;

  it('gives a code one meaning: a transport code the engine also gives cites the same paragraph; local codes are their own', () => {
    for (const [code, [paragraph]] of Object.entries(TRANSPORT_REFUSALS))
      if (code in REFUSALS) expect(paragraph, code).toBe(REFUSALS[code as keyof typeof REFUSALS][0]);
    for (const code of Object.keys(LOCAL_REFUSALS)) {
      expect(code in REFUSALS, code).toBe(false);
      expect(code in TRANSPORT_REFUSALS, code).toBe(false);
    }
  });

  it('gives every code a paragraph (or —) and a Danish and an English text', () => {
    for (const table of Object.values(catalogues))
      for (const [code, [paragraph, da, en]] of Object.entries(table)) {
        expect(paragraph, code).toMatch(/^(—|§ \d+[a-z]?(, stk\. \d+)?(, nr\. \d+)?.*)$/);
        expect(da.length, code).toBeGreaterThan(3);
        expect(en.length, code).toBeGreaterThan(3);
        expect(da, code).not.toBe(en);
      }
  });
});

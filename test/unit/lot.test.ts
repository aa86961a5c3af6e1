import { createHash } from 'node:crypto';
import { describe, it, expect } from 'vitest';
import { commitment, drawLot, lotIndex, sha256Bytes, sha256Hex, verifyCommitment } from '../../shared/elections/lot';
import { mulberry32 as rng } from '../support/rng';

const nodeSha = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/** Small deterministic PRNG (mulberry32) so the "random" strings are the same on every run. */

describe('§ 28, stk. 2 — the lot hash: SHA-256 (FIPS 180-4) in plain TypeScript', () => {
  // Known answers from FIPS 180-2, appendix B, and the usual empty-string vector.
  it('matches the published test vectors', () => {
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256Hex('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).toBe(
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    );
    expect(sha256Hex('a'.repeat(1_000_000))).toBe('cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0');
  });

  it('encodes text as UTF-8 before hashing (Danish letters, emoji)', () => {
    for (const s of ['æøå ÆØÅ', 'Borgerrepræsentationen', '🗳️ afstemning']) expect(sha256Hex(s)).toBe(nodeSha(s));
  });

  it('agrees with node:crypto on random strings, including every padding boundary', () => {
    const next = rng(20231121);
    const alphabet = 'abcdefghijklmnopqrstuvwxyzæøåÆØÅ0123456789 \n\t€§';
    const lengths = [0, 1, 54, 55, 56, 57, 63, 64, 65, 119, 120, 127, 128, 129, 500];
    for (let i = 0; i < 200; i++) lengths.push(Math.floor(next() * 300));
    for (const len of lengths) {
      let s = '';
      for (let j = 0; j < len; j++) s += alphabet[Math.floor(next() * alphabet.length)];
      expect(sha256Hex(s)).toBe(nodeSha(s));
    }
  });

  it('hashes raw bytes too', () => {
    const bytes = new Uint8Array(256).map((_, i) => i);
    expect(Buffer.from(sha256Bytes(bytes)).toString('hex')).toBe(createHash('sha256').update(bytes).digest('hex'));
  });
});

describe('§ 27, stk. 1 and § 28, stk. 2 — drawLot (lot drawn for ties)', () => {
  it('follows the documented hash: sort, SHA-256 of seed + "\\n" + ids, 13 hex digits mod n', () => {
    const seed = 'møde 2023-09-21 punkt 4';
    const tied = ['V', 'A', 'Ø', 'C'];
    const sorted = [...tied].sort();
    const digest = nodeSha(seed + '\n' + sorted.join('\n'));
    const index = parseInt(digest.slice(0, 13), 16) % sorted.length;
    const lot = drawLot(seed, tied);
    expect(lot.tied).toEqual(sorted);
    expect(lot.digest).toBe(digest);
    expect(lot.winner).toBe(sorted[index]);
    expect(lotIndex(lot.digest, sorted.length)).toBe(index);
  });

  it('does not depend on the order the tied ids are given in', () => {
    const a = drawLot('seed', ['B', 'A', 'C']);
    const b = drawLot('seed', ['C', 'B', 'A']);
    expect(b).toEqual(a);
  });

  it('gives the same winner for the same seed, and each id wins for some seed', () => {
    expect(drawLot('x', ['A', 'B']).winner).toBe(drawLot('x', ['A', 'B']).winner);
    const winners = new Set<string>();
    for (let i = 0; i < 50; i++) winners.add(drawLot(`seed-${i}`, ['A', 'B', 'C']).winner);
    expect([...winners].sort()).toEqual(['A', 'B', 'C']);
  });

  it('returns the only id when just one is given', () => {
    expect(drawLot('', ['Ø']).winner).toBe('Ø');
  });

  it('refuses no ids, duplicate ids and ids with line breaks', () => {
    expect(() => drawLot('s', [])).toThrow(/no tied/);
    expect(() => drawLot('s', ['A', 'A'])).toThrow(/duplicate/);
    expect(() => drawLot('s', ['A', 'B\nC'])).toThrow(/line break/);
  });
});

describe('§ 27, stk. 1 — commitment for a live lot', () => {
  it('is the SHA-256 of the secret, and the revealed secret verifies against it', () => {
    const secret = 'f3b9c2e1-live-lot';
    const published = commitment(secret);
    expect(published).toBe(nodeSha(secret));
    expect(verifyCommitment(secret, published)).toBe(true);
    expect(verifyCommitment(secret, published.toUpperCase())).toBe(true);
    expect(verifyCommitment('another secret', published)).toBe(false);
  });
});

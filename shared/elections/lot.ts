/**
 * Verifiable lot [lodtrækning] for ties: § 27, stk. 1 (a tie in a majority election is settled
 * by lot drawn by the chair) and § 28, stk. 2 (equal quotients in a proportional election are
 * settled by lot drawn by the chair).
 *
 * The draw is a documented hash, so anyone can recompute it from the seed and the tied ids:
 *   1. sort the tied ids (plain string compare, i.e. JavaScript's default sort);
 *   2. digest = SHA-256 hex of `seed + "\n" + sortedIds.join("\n")` (text encoded as UTF-8);
 *   3. index  = (first 13 hex digits of digest, read as an integer) mod tied.length;
 *   4. winner = sortedIds[index].
 *
 * For a live lot the server publishes `commitment(secret)` before the draw, uses the secret as
 * the seed, and reveals the secret afterwards; anyone can then check both the commitment and
 * the draw. The SHA-256 below is plain TypeScript and synchronous, so this file runs unchanged
 * in Node and in the browser (no node:crypto, no WebCrypto promises).
 */

const K = new Uint32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
  0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
  0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);

const rotr = (x: number, n: number): number => (x >>> n) | (x << (32 - n));

/** SHA-256 (FIPS 180-4) of raw bytes. */
export function sha256Bytes(data: Uint8Array): Uint8Array {
  // Padding: 0x80, zeros, then the message length in bits as a 64-bit big-endian integer.
  const blocks = Math.ceil((data.length + 9) / 64);
  const buf = new Uint8Array(blocks * 64);
  buf.set(data);
  buf[data.length] = 0x80;
  const view = new DataView(buf.buffer);
  const bitLen = data.length * 8;
  view.setUint32(buf.length - 8, Math.floor(bitLen / 0x100000000));
  view.setUint32(buf.length - 4, bitLen >>> 0);

  const h = new Uint32Array([
    0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
  ]);
  const w = new Uint32Array(64);
  for (let off = 0; off < buf.length; off += 64) {
    for (let i = 0; i < 16; i++) w[i] = view.getUint32(off + i * 4);
    for (let i = 16; i < 64; i++) {
      const w15 = w[i - 15]!;
      const w2 = w[i - 2]!;
      const s0 = rotr(w15, 7) ^ rotr(w15, 18) ^ (w15 >>> 3);
      const s1 = rotr(w2, 17) ^ rotr(w2, 19) ^ (w2 >>> 10);
      w[i] = (w[i - 16]! + s0 + w[i - 7]! + s1) >>> 0;
    }
    let a = h[0]!, b = h[1]!, c = h[2]!, d = h[3]!, e = h[4]!, f = h[5]!, g = h[6]!, hh = h[7]!;
    for (let i = 0; i < 64; i++) {
      const S1 = rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25);
      const ch = (e & f) ^ (~e & g);
      const t1 = (hh + S1 + ch + K[i]! + w[i]!) >>> 0;
      const S0 = rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22);
      const maj = (a & b) ^ (a & c) ^ (b & c);
      const t2 = (S0 + maj) >>> 0;
      hh = g; g = f; f = e; e = (d + t1) >>> 0;
      d = c; c = b; b = a; a = (t1 + t2) >>> 0;
    }
    h[0] = h[0]! + a; h[1] = h[1]! + b; h[2] = h[2]! + c; h[3] = h[3]! + d;
    h[4] = h[4]! + e; h[5] = h[5]! + f; h[6] = h[6]! + g; h[7] = h[7]! + hh;
  }
  const out = new Uint8Array(32);
  const outView = new DataView(out.buffer);
  for (let i = 0; i < 8; i++) outView.setUint32(i * 4, h[i]!);
  return out;
}

/** SHA-256 of a text (UTF-8 encoded first), as 64 lowercase hex digits. */
export function sha256Hex(text: string): string {
  const bytes = sha256Bytes(new TextEncoder().encode(text));
  let hex = '';
  for (const byte of bytes) hex += byte.toString(16).padStart(2, '0');
  return hex;
}

/** What the server publishes before a live draw: the hash of the secret it will use as seed. */
export function commitment(secret: string): string {
  return sha256Hex(secret);
}

/** True when `secret`, revealed after the draw, matches the commitment published before it. */
export function verifyCommitment(secret: string, published: string): boolean {
  return commitment(secret) === published.toLowerCase();
}

export interface LotDraw {
  /** The tied ids, sorted: the order the hash and the index use. */
  tied: string[];
  winner: string;
  /** SHA-256 hex of `seed + "\n" + tied.join("\n")`. */
  digest: string;
}

/** Draw one winner among tied ids (§ 27, stk. 1; § 28, stk. 2). Same seed and ids, same winner. */
export function drawLot(seed: string, tied: string[]): LotDraw {
  if (tied.length === 0) throw new Error('drawLot: no tied ids');
  const sorted = [...tied].sort();
  for (let i = 0; i < sorted.length; i++) {
    const id = sorted[i]!;
    if (/[\r\n]/.test(id)) throw new Error(`drawLot: id contains a line break: ${JSON.stringify(id)}`);
    if (i > 0 && sorted[i - 1] === id) throw new Error(`drawLot: duplicate id ${JSON.stringify(id)}`);
  }
  const digest = sha256Hex(seed + '\n' + sorted.join('\n'));
  // 13 hex digits = 52 bits: always a safe integer.
  const index = parseInt(digest.slice(0, 13), 16) % sorted.length;
  return { tied: sorted, winner: sorted[index]!, digest };
}

/** The index drawLot used, recomputed from a digest (for displays and the explanation). */
export function lotIndex(digest: string, count: number): number {
  return parseInt(digest.slice(0, 13), 16) % count;
}

import { Decoder, PacketType } from 'socket.io-parser';

/**
 * The server's socket.io decoder: judges every incoming packet on its raw text before
 * socket.io parses or walks it (issue #11). A client is any visitor on the gallery's Wi-Fi, so
 * nothing here may throw past socket.io's own guard or recurse with the payload's depth.
 *
 * - Binary packets and raw binary frames: we never take binary, so the connection is closed.
 * - Over MAX_PACKET_CHARS characters, nested deeper than MAX_DEPTH, or carrying a key that
 *   could reach an object's prototype: an event is rewritten to the event `REJECTED_EVENT`
 *   with the refusal code (so its acknowledgement still gets a clear answer); a handshake's
 *   `auth` is replaced by `{ role: REJECTED_EVENT }`, which the handshake refuses.
 */
export const MAX_PACKET_CHARS = 16_000;
export const MAX_DEPTH = 32;
/** Not a name a socket.io client can send as an event of its own: it starts with NUL. */
export const REJECTED_EVENT = '\u0000rejected';
export type RejectedCode = 'TOO_LARGE' | 'TOO_DEEP' | 'MALFORMED';

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const ALLOWED_TYPES = new Set<number>([PacketType.CONNECT, PacketType.DISCONNECT, PacketType.EVENT, PacketType.ACK]);

/**
 * The deepest nesting of arrays and objects in a JSON text, by one pass over its characters
 * (strings skipped): stops counting at `limit + 1`, so a 20,000-level frame costs one scan.
 */
export function jsonDepth(text: string, from = 0, limit = MAX_DEPTH): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \ */) i++;
      else if (c === 34 /* " */) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 /* [ */ || c === 123 /* { */) {
      if (++depth > max) max = depth;
      if (max > limit) return max;
    } else if (c === 93 /* ] */ || c === 125 /* } */) depth--;
  }
  return max;
}

/** True when some object in the (depth-bounded) value has an own key that names a prototype. */
function hasForbiddenKey(v: unknown): boolean {
  if (v === null || typeof v !== 'object') return false;
  if (Array.isArray(v)) return v.some(hasForbiddenKey);
  for (const k of Object.keys(v)) if (FORBIDDEN_KEYS.has(k) || hasForbiddenKey((v as Record<string, unknown>)[k])) return true;
  return false;
}

/** Where the JSON part of a packet's text begins (after type, namespace and ack id), or -1. */
function payloadStart(str: string): number {
  for (let i = 1; i < str.length; i++) {
    const c = str.charCodeAt(i);
    if (c === 91 || c === 123) return i;
  }
  return -1;
}

/** A cheap test on the raw text first: only a packet that passes it is parsed twice. */
const MAY_NAME_PROTOTYPE = /proto|constructor|\\u/;
function namesPrototype(json: string): boolean {
  try {
    return hasForbiddenKey(JSON.parse(json));
  } catch {
    return false; // not JSON: socket.io's own parser refuses it
  }
}

export class GuardedDecoder extends Decoder {
  override add(obj: unknown) {
    if (typeof obj !== 'string') throw new Error('binary data is not accepted');
    const type = obj.charCodeAt(0) - 48;
    if (!ALLOWED_TYPES.has(type)) throw new Error(`packet type ${obj.charAt(0)} is not accepted`);
    const start = payloadStart(obj);
    let code: RejectedCode | null = null;
    if (obj.length > MAX_PACKET_CHARS) code = 'TOO_LARGE';
    else if (start >= 0 && jsonDepth(obj, start) > MAX_DEPTH) code = 'TOO_DEEP';
    else if (start >= 0 && MAY_NAME_PROTOTYPE.test(obj) && namesPrototype(obj.slice(start))) code = 'MALFORMED';
    if (code) return super.add(this.rejected(obj, type, start, code));
    super.add(obj);
  }

  /** The same packet (type, namespace, ack id) with its payload replaced by the refusal. */
  private rejected(str: string, type: number, start: number, code: RejectedCode): string {
    if (start < 0) throw new Error('malformed packet');
    const header = str.slice(0, start);
    if (type === PacketType.CONNECT) return header + JSON.stringify({ role: REJECTED_EVENT, code });
    if (type === PacketType.EVENT) return header + JSON.stringify([REJECTED_EVENT, code]);
    throw new Error(`${code} packet`);
  }
}

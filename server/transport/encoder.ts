import { Encoder, PacketType } from 'socket.io-parser';
import { GuardedDecoder } from './packet-guard';

/**
 * A payload already encoded as JSON: written into the packet as it is, not encoded again.
 * `T` is the protocol message the text encodes (shared/protocol.ts); it is a type only.
 */
export class JsonText<T = unknown> {
  declare readonly encodes?: T;
  constructor(readonly text: string) {}
}

/**
 * The server's socket.io encoder. We never send binary, so the recursive search for binary
 * parts in every payload (socket.io's default) is skipped; and a `JsonText` argument goes on
 * the wire as its text, so a view encoded once serves every socket and every slice of a
 * broadcast. The packets are the standard text format: clients keep the default parser.
 */
class SalenEncoder extends Encoder {
  override encode(obj: { type: PacketType; nsp: string; data?: unknown; id?: number }) {
    const data = obj.data;
    if ((obj.type === PacketType.EVENT || obj.type === PacketType.ACK) && Array.isArray(data) && data.some((d) => d instanceof JsonText)) {
      let str = String(obj.type);
      if (obj.nsp && obj.nsp !== '/') str += obj.nsp + ',';
      if (obj.id != null) str += obj.id;
      return [str + '[' + data.map((d) => (d instanceof JsonText ? d.text : JSON.stringify(d))).join(',') + ']'];
    }
    return [(this as unknown as { encodeAsString(o: unknown): string }).encodeAsString(obj)];
  }
}

export const salenParser = { Encoder: SalenEncoder, Decoder: GuardedDecoder };

/** Told each event the server encodes: its name, its text, and the pre-encoded payload it came from. */
export type PushObserver = (event: string, text: string, source?: JsonText) => void;

/** The same parser, telling `pushed` about every event it encodes (the metrics' push sizes). */
export function salenParserWith(pushed: PushObserver) {
  class ObservedEncoder extends SalenEncoder {
    override encode(obj: { type: PacketType; nsp: string; data?: unknown; id?: number }) {
      const out = super.encode(obj);
      const data = obj.data;
      if (obj.type === PacketType.EVENT && Array.isArray(data) && typeof data[0] === 'string')
        pushed(data[0], out[0]!, data.find((d): d is JsonText => d instanceof JsonText));
      return out;
    }
  }
  return { Encoder: ObservedEncoder, Decoder: GuardedDecoder };
}

import { Decoder, Encoder, PacketType } from 'socket.io-parser';
import { now } from './common';

/**
 * The load generator's socket.io parser. A `view` is up to a few hundred kB of JSON; with
 * thousands of sockets per worker process, parsing every copy would make the generator the
 * bottleneck. This decoder reads only the head of a `view` (`version`, `serverNow`, `role`,
 * in the order the server writes them) and stamps the arrival time; every other packet
 * (acks, `own`, `notice`, handshake) goes through the stock decoder.
 */
export interface LightView {
  version: number;
  serverNow: number;
  role: string;
  /** Size of the packet text in UTF-8: the payload size on the wire. */
  bytes: number;
  /** `now()` when the packet was decoded. */
  at: number;
}

const HEAD = /^2\["view",\{"version":(\d+),"serverNow":(\d+),"role":"(\w+)"/;

/** The latest packet text per role (one string each, shared): the floor replays these bytes. */
export const lastText: Record<string, string> = {};

class LightDecoder extends Decoder {
  override add(obj: unknown) {
    if (typeof obj === 'string' && obj.startsWith('2["view",')) {
      const m = HEAD.exec(obj.slice(0, 120));
      if (m) {
        const at = now();
        const view: LightView = { version: Number(m[1]), serverNow: Number(m[2]), role: m[3]!, bytes: Buffer.byteLength(obj), at };
        lastText[m[3]!] = obj;
        this.emitReserved('decoded', { type: PacketType.EVENT, nsp: '/', data: ['view', view] });
        return;
      }
    }
    super.add(obj);
  }
}

export const lightParser = { Encoder, Decoder: LightDecoder };

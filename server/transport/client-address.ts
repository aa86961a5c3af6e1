import type { IncomingMessage } from 'node:http';
import proxyAddr from 'proxy-addr';

/**
 * Which proxies in front of the server are trusted to say who the client is (express's
 * `trust proxy`): false (default: the TCP peer is the client), true (every hop; only behind a
 * proxy that overwrites X-Forwarded-For), a number of hops, or addresses/subnets/names as
 * proxy-addr knows them ('loopback', '10.0.0.0/8', 'loopback, uniquelocal', …).
 */
export type TrustProxy = string | number | boolean;

/** The same trust function express compiles from `app.set('trust proxy', value)`. */
export function compileTrust(value: TrustProxy | undefined): (addr: string, i: number) => boolean {
  if (value === true) return () => true;
  if (value === false || value === undefined) return () => false;
  if (typeof value === 'number') return (_addr, i) => i < value;
  return proxyAddr.compile(value.split(',').map((v) => v.trim()).filter(Boolean));
}

/** `--trust-proxy VALUE` / SALEN_TRUST_PROXY as text: true/false, a hop count, or addresses. */
export function parseTrustProxy(text: string | undefined): TrustProxy | undefined {
  if (text === undefined) return undefined;
  const t = text.trim();
  if (t === 'true') return true;
  if (t === 'false' || t === '') return false;
  if (/^\d+$/.test(t)) return Number(t);
  compileTrust(t); // throws on an address proxy-addr does not understand
  return t;
}

/**
 * The client's address for a request, by the same rule as express's `req.ip` under the same
 * trust setting: for socket.io handshakes (`socket.request`), which express never sees.
 */
export function clientAddressFor(trust: TrustProxy | undefined): (req: IncomingMessage) => string {
  const fn = compileTrust(trust);
  return (req) => {
    if (!req.socket?.remoteAddress) return '?';
    return proxyAddr(req, fn);
  };
}

/** One request's client address under `trust` (default: no proxy is trusted). */
export function clientAddress(req: IncomingMessage, trust: TrustProxy = false): string {
  return clientAddressFor(trust)(req);
}

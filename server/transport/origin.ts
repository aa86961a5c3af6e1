import type { IncomingMessage } from 'node:http';

/** `scheme://host[:port]` in the form browsers send in `Origin`, or null if it is not one. */
export function normalOrigin(value: string): string | null {
  try {
    const u = new URL(value);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
    return u.origin;
  } catch {
    return null;
  }
}

/** A Host header: a name, IPv4 or [IPv6] address, and an optional port; nothing else. */
const HOST = /^(?:[A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;

/**
 * socket.io's `allowRequest`: refuses websocket and polling handshakes that a page from
 * another site makes (a browser always sends `Origin` on them, and no page can forge it).
 *   - no `Origin` header: passes (tablets' own pages send one; tests and non-browser clients do not);
 *   - `Origin` equal to `http://HOST` or `https://HOST` of the request itself: passes;
 *   - an origin in `allowed` (`--origin URL`, SALEN_ORIGINS): passes (a reverse proxy that
 *     rewrites `Host`, or a second name for the server);
 *   - anything else, `null` and malformed values included: refused (engine.io answers 403).
 */
export function originCheck(allowed: string[] = []): (req: IncomingMessage, cb: (err: string | null | undefined, ok: boolean) => void) => void {
  const configured = new Set<string>();
  for (const o of allowed) {
    const n = normalOrigin(o.trim());
    if (!n) throw new Error(`not an origin (scheme://host[:port]): ${o}`);
    configured.add(n);
  }
  return (req, cb) => {
    const raw = req.headers.origin;
    if (raw === undefined) return cb(null, true);
    const origin = typeof raw === 'string' ? normalOrigin(raw) : null;
    if (origin && configured.has(origin)) return cb(null, true);
    const host = req.headers.host;
    if (origin && host && HOST.test(host) && (origin === normalOrigin(`http://${host}`) || origin === normalOrigin(`https://${host}`))) return cb(null, true);
    cb('origin not allowed', false);
  };
}

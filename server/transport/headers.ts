import { createHash } from 'node:crypto';
import type { RequestHandler, Response } from 'express';
import helmet from 'helmet';

// Security headers on every HTTP answer (the screens, /api, /record, /healthz, 404s), from
// helmet. The built screens load one script and one stylesheet from the server itself and
// nothing inline, so the policy allows only 'self'; the printable record (server-rendered)
// has one <style> block, which its answer allows by that block's SHA-256 alone.
// HSTS only when this server speaks TLS itself (`--tls-cert`): over plain HTTP browsers ignore
// it, and behind a TLS proxy the proxy sets it (docs/deploy.md, "HTTPS"). No includeSubDomains:
// the council's other hosts under the same name are not ours to pin to HTTPS.

const DIRECTIVES: Record<string, string[]> = {
  'default-src': ["'self'"],
  'base-uri': ["'none'"],
  // Same-origin websockets: CSP Level 3 lets 'self' match ws:/wss: of the page's own host.
  'connect-src': ["'self'"],
  'font-src': ["'self'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
  'img-src': ["'self'", 'data:'],
  'object-src': ["'none'"],
  'script-src': ["'self'"],
  'script-src-attr': ["'none'"],
  'style-src': ["'self'"],
};

/** The Content-Security-Policy, with extra `style-src` sources (a style block's hash). */
export function cspHeader(extraStyle: string[] = []): string {
  return Object.entries(DIRECTIVES)
    .map(([name, values]) => `${name} ${(name === 'style-src' ? [...values, ...extraStyle] : values).join(' ')}`)
    .join('; ');
}

/** The CSP source for an inline <style> block: `'sha256-…'` of its exact text. */
export function styleHash(css: string): string {
  return `'sha256-${createHash('sha256').update(css, 'utf8').digest('base64')}'`;
}

/** The hashes of every <style> block in a page (the printable record has one). */
export function inlineStyleHashes(html: string): string[] {
  return [...html.matchAll(/<style(?:\s[^>]*)?>([\s\S]*?)<\/style>/g)].map((m) => styleHash(m[1]!));
}

/** Overrides the policy of this one answer to allow its own inline style blocks, and nothing more. */
export function allowInlineStyles(res: Response, hashes: string[]) {
  res.setHeader('Content-Security-Policy', cspHeader(hashes));
}

/** `Strict-Transport-Security: max-age=…` over HTTPS: one year, this host only. */
export const HSTS_MAX_AGE_S = 365 * 24 * 60 * 60;

/**
 * helmet, configured: CSP as above, frame-ancestors 'none' + X-Frame-Options DENY, nosniff,
 * no-referrer; HSTS only when `tls` (the server's own HTTPS).
 */
export function securityHeaders(opts: { tls?: boolean } = {}): RequestHandler {
  return helmet({
    contentSecurityPolicy: { useDefaults: false, directives: DIRECTIVES },
    strictTransportSecurity: opts.tls ? { maxAge: HSTS_MAX_AGE_S, includeSubDomains: false, preload: false } : false,
    xFrameOptions: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    xContentTypeOptions: true,
  });
}

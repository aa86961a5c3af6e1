import { createPrivateKey, X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createSecureContext } from 'node:tls';

// HTTPS built in (docs/deploy.md, "HTTPS"): the certificate and key are read and checked
// before anything else starts, so a wrong path or a key that does not fit is one clear line
// at start, not a stack trace or a server that answers every handshake with an alert.

/** A certificate and its key, read and checked (`readTlsFiles`). */
export interface TlsFiles {
  cert: Buffer;
  key: Buffer;
  /** The certificate's end of validity (`X509Certificate.validTo`), for a warning when it is near or past. */
  validTo: Date;
}

/** Where a file was named: the flag or environment variable, shown in the message. */
export interface TlsSource {
  cert: { path: string; from: string };
  key: { path: string; from: string };
}

/** A certificate or key that cannot be used; the message names the file and says why. */
export class TlsFileError extends Error {}

function readOne(path: string, from: string, what: string): Buffer {
  try {
    return readFileSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EACCES' || code === 'EPERM'
          ? `not readable by this user (uid ${process.getuid?.() ?? '?'})`
          : code === 'EISDIR'
            ? 'a directory, not a file'
            : (code ?? (e as Error).message);
    throw new TlsFileError(`${from} ${path}: cannot read the ${what}: ${why}`);
  }
}

/** Reads the PEM certificate (the chain may follow it) and its unencrypted PEM private key. */
export function readTlsFiles(src: TlsSource): TlsFiles {
  const cert = readOne(src.cert.path, src.cert.from, 'certificate');
  const key = readOne(src.key.path, src.key.from, 'private key');
  let x509: X509Certificate;
  try {
    x509 = new X509Certificate(cert);
  } catch {
    throw new TlsFileError(`${src.cert.from} ${src.cert.path}: not a PEM certificate (-----BEGIN CERTIFICATE-----)`);
  }
  let privateKey;
  try {
    privateKey = createPrivateKey(key);
  } catch {
    throw new TlsFileError(
      `${src.key.from} ${src.key.path}: not a PEM private key, or one protected by a passphrase (the server cannot ask for one: give it the key without)`,
    );
  }
  if (!x509.checkPrivateKey(privateKey))
    throw new TlsFileError(`${src.key.from} ${src.key.path}: this key does not belong to the certificate in ${src.cert.path}`);
  try {
    createSecureContext({ cert, key });
  } catch (e) {
    throw new TlsFileError(`${src.cert.path} / ${src.key.path}: ${(e as Error).message}`);
  }
  return { cert, key, validTo: new Date(x509.validTo) };
}

/** The same Host syntax the origin check accepts: a name, IPv4 or [IPv6] address, an optional port. */
const HOST = /^(?:[A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;

/**
 * `--http-redirect PORT`: a plain HTTP listener that does one thing, answer `308` to the same
 * host and path on the HTTPS port. Nothing is served over it (no screens, no socket, no
 * /healthz), so a tablet's credentials never travel in clear even when someone types http://.
 * No HSTS here: browsers ignore it over plain HTTP (RFC 6797 § 7.2).
 */
export function redirectServer(httpsPort: number): Server {
  return createServer((req, res) => {
    const host = req.headers.host;
    if (!host || !HOST.test(host)) {
      res.writeHead(400, { 'Content-Type': 'text/plain; charset=utf-8', Connection: 'close' });
      res.end('Bad Request: no valid Host header\n');
      return;
    }
    const name = host.replace(/:\d+$/, '');
    // A request target in absolute form (`GET http://x/… HTTP/1.1`) keeps only its path and query.
    const target = new URL(req.url ?? '/', 'http://x');
    const location = `https://${name}${httpsPort === 443 ? '' : `:${httpsPort}`}${target.pathname}${target.search}`;
    res.writeHead(308, { Location: location, 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', Connection: 'close' });
    res.end(`${location}\n`);
  });
}

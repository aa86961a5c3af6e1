import { existsSync } from 'node:fs';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { ListenError, startServer } from './app';
import { demoOnNetworkWarning, DemoOnNetworkError, isLoopback } from './demo/network';
import { MAX_DEMO_SEATS, MIN_DEMO_SEATS } from './demo/chamber';
import { ServerKeyError } from './security/secrets';
import { parseMinCodeDigits, readSetupFile } from './setup/import';
import { defaultProvisioningFile } from './store/credentials';
import { parseTrustProxy } from './transport/client-address';
import { normalOrigin } from './transport/origin';
import { opsFlags } from './ops/flags';
import { log, setLogLevel } from './ops/log';
import { readTlsFiles, TlsFileError, type TlsFiles, type TlsSource } from './transport/tls';

// `tsx server/main.ts [--demo [--seats N] [--demo-on-network] [--no-demo-history]] [--db FILE] [--port N] [--host H]
//    [--grace-ms MS] [--setup FILE.json|.csv] [--origin URL]… [--trust-proxy VALUE] [--seat-sockets N]
//    [--tls-cert FILE --tls-key FILE [--http-redirect PORT]]
//    [--log-level L] [--backup-dir DIR [--backup-every-min N] [--backup-keep N]] [--metrics-token T]
//    [--key-file PATH] [--provisioning-file PATH] [--min-code-digits N] [--sse-max N] [--sse-max-per-address N]`
// (docs/deploy.md: running it on a network, HTTPS, the service, secrets, backups, monitoring)
function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}
/** Every value of a repeatable flag (`--origin A --origin B`). */
function args(name: string): string[] {
  return process.argv.flatMap((a, i) => (a === `--${name}` && process.argv[i + 1] !== undefined ? [process.argv[i + 1]!] : []));
}
function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

const demo = process.argv.includes('--demo');
const demoOnNetwork = process.argv.includes('--demo-on-network');
const host = arg('host') ?? process.env.HOST ?? '127.0.0.1';
// Checked before the database is opened or created: a refused start leaves nothing behind.
if (demo && !demoOnNetwork && !isLoopback(host)) fail(new DemoOnNetworkError(host).message);
const origins = [...args('origin'), ...(process.env.SALEN_ORIGINS ?? '').split(',')].map((o) => o.trim()).filter(Boolean);
for (const o of origins) if (!normalOrigin(o)) fail(`--origin ${o}: not an origin (scheme://host[:port], e.g. https://salen.example.dk)`);
let trustProxy;
try {
  trustProxy = parseTrustProxy(arg('trust-proxy') ?? process.env.SALEN_TRUST_PROXY);
} catch (e) {
  fail(`--trust-proxy: ${(e as Error).message}`);
}

// TLS files are read and checked before the database is opened or created, like the flags above.
const certPath = arg('tls-cert') ?? process.env.SALEN_TLS_CERT;
const keyPath = arg('tls-key') ?? process.env.SALEN_TLS_KEY;
if (!certPath !== !keyPath) fail('--tls-cert and --tls-key go together (or SALEN_TLS_CERT and SALEN_TLS_KEY): the certificate and its private key');
const tlsSource: TlsSource | null =
  certPath && keyPath
    ? {
        cert: { path: path.resolve(certPath), from: arg('tls-cert') ? '--tls-cert' : 'SALEN_TLS_CERT' },
        key: { path: path.resolve(keyPath), from: arg('tls-key') ? '--tls-key' : 'SALEN_TLS_KEY' },
      }
    : null;
function readTls(src: TlsSource): TlsFiles {
  try {
    return readTlsFiles(src);
  } catch (e) {
    if (e instanceof TlsFileError) fail(e.message);
    throw e;
  }
}
const tls = tlsSource ? readTls(tlsSource) : undefined;
const redirectArg = arg('http-redirect') ?? process.env.SALEN_HTTP_REDIRECT;
const httpRedirectPort = redirectArg !== undefined ? Number(redirectArg) : undefined;
if (httpRedirectPort !== undefined) {
  if (!tls) fail('--http-redirect: only with --tls-cert and --tls-key (it sends plain HTTP to the HTTPS port)');
  if (!(Number.isInteger(httpRedirectPort) && httpRedirectPort >= 1 && httpRedirectPort <= 65535)) fail(`--http-redirect ${redirectArg}: a port from 1 to 65535`);
}

const dbPath = path.resolve(arg('db') ?? process.env.SALEN_DB ?? 'data/salen-demo.sqlite');
mkdirSync(path.dirname(dbPath), { recursive: true });
const port = Number(arg('port') ?? process.env.PORT ?? 3000);
const setupFile = arg('setup');
const graceMs = arg('grace-ms') ? Number(arg('grace-ms')) : undefined;
const demoSeats = arg('seats') ? Number(arg('seats')) : undefined;
if (demoSeats !== undefined && !(Number.isInteger(demoSeats) && demoSeats >= MIN_DEMO_SEATS && demoSeats <= MAX_DEMO_SEATS))
  fail(`--seats ${arg('seats')}: a whole number from ${MIN_DEMO_SEATS} to ${MAX_DEMO_SEATS} (two independents and at least one party seat)`);
// Sockets open at once with one seat key (issue #11: "at most a few"; the tablet holding the session always gets in).
const seatSockets = arg('seat-sockets') ?? process.env.SALEN_SEAT_SOCKETS;
if (seatSockets !== undefined && !(Number.isInteger(Number(seatSockets)) && Number(seatSockets) >= 1 && Number(seatSockets) <= 20))
  fail(`--seat-sockets ${seatSockets}: a whole number from 1 to 20`);
// The open data feed's SSE streams at once, in all and from one address (docs/open-data.md, "Limits").
function count(flag: string, env: string): number | undefined {
  const v = arg(flag) ?? process.env[env];
  if (v === undefined) return undefined;
  if (!(Number.isInteger(Number(v)) && Number(v) >= 0)) fail(`--${flag} ${v}: a whole number (0: no streams)`);
  return Number(v);
}
const sseMax = count('sse-max', 'SALEN_SSE_MAX');
const sseMaxPerAddress = count('sse-max-per-address', 'SALEN_SSE_MAX_PER_ADDRESS');

// The demo prints its links for a person at the terminal: only warnings and errors join them.
const ops = opsFlags(arg, fail, process.env, demo ? 'warn' : 'info');
setLogLevel(ops.logLevel);

// Secrets at rest (docs/security.md): the server key outside the database, generated
// credentials written once to the provisioning file, the import's minimum code length.
const keyFileArg = arg('key-file') ?? process.env.SALEN_KEY_FILE;
const keyFile = keyFileArg ? path.resolve(keyFileArg) : undefined;
const provisioningArg = arg('provisioning-file') ?? process.env.SALEN_PROVISIONING_FILE;
const provisioningFile = provisioningArg ? path.resolve(provisioningArg) : undefined;
let setup;
try {
  setup = setupFile ? readSetupFile(setupFile, { minCodeDigits: parseMinCodeDigits(arg('min-code-digits')) }) : undefined;
} catch (e) {
  fail((e as Error).message);
}

const fresh = !existsSync(dbPath);
const started = startServer({
  dbPath,
  port,
  host,
  demo,
  demoOnNetwork,
  graceMs,
  demoSeats,
  // A fresh demo holds an earlier meeting, published, and today's with its second reading
  // (server/demo/history.ts); `--no-demo-history`: only today's meeting, as tests want it.
  demoHistory: demo && !process.argv.includes('--no-demo-history'),
  origins,
  trustProxy,
  transport: seatSockets !== undefined ? { maxSeatSockets: Number(seatSockets) } : undefined,
  setup,
  keyFile,
  provisioningFile,
  backup: ops.backup,
  metricsToken: ops.metricsToken,
  tls,
  httpRedirectPort,
  publicFeed: { maxStreams: sseMax, maxStreamsPerAddress: sseMaxPerAddress },
});
const server = await started.catch((e: unknown) =>
  e instanceof ListenError || e instanceof ServerKeyError ? fail(e.message) : Promise.reject(e),
);

const { url, demo: d, service } = server;
const s = service.state;
if (demo && !isLoopback(host)) console.error(`\n${demoOnNetworkWarning(host)}\n`);
log.info(
  { event: 'start', url, host, port: server.port, tls: url.startsWith('https:'), redirectPort: server.redirectPort, db: dbPath, fresh, version: s.version, backupDir: server.backups?.dir, metricsToken: !!ops.metricsToken },
  'Salen is running',
);
if (demo) console.log(`Salen kører / Salen is running: ${url}  (data: ${dbPath}${fresh ? ', ny' : ', genoptaget ved version ' + s.version})`);
if (tls) warnExpiry(tls);
if (fresh && setup?.generated) {
  // Where, never what: the drawn credentials are in that file only.
  const where = provisioningFile ?? defaultProvisioningFile(dbPath);
  log.info({ event: 'provisioning', file: where }, `Nye adgangsoplysninger (kun) i / New credentials (only) in: ${where}`);
}
if (demo) {
  const member = s.persons[s.chair.line[1] ?? ''] ?? Object.values(s.persons)[0]!;
  const seat = member.seatId!;
  console.log('');
  if (!d.secretariatPassword) {
    console.log(`  Denne database har ingen gemte demo-adgangskoder (en ældre demo); slet ${dbPath} for en ny demo.`);
    console.log(`  This database keeps no demo credentials (an older demo); delete ${dbPath} for a fresh demo.`);
  } else {
    console.log(`  Oversigt        ${url}/`);
    console.log(`  Pladsterminal   ${url}/seat#key=${d.seatKeys[seat]}   (${member.name}, plads ${seat}, personlig kode ${d.codes[member.id]})`);
    console.log(`  Forpersonen     ${url}/chair   (bruger ${s.chair.line[0]}, adgangskode ${d.chairPasswords[s.chair.line[0]!]})`);
    console.log(`  Sekretariatet   ${url}/secretariat   (adgangskode ${d.secretariatPassword})`);
    console.log(`  Tilhørere       ${url}/gallery`);
    console.log(`  Protokol        ${url}/record`);
    console.log(`  Arkiv           ${url}/archive`);
    console.log(`  Alle pladser    ${url}/?demo=links`);
    console.log('');
    console.log('  Demo: nøgler og adgangskoder er tilfældige for denne database og gemt i klartekst i den.');
    console.log('  Demo: keys and passwords are random for this database and kept in it in clear text.');
  }
}
if (demo) {
  console.log('');
  console.log('Stop: Ctrl+C');
}

/** A certificate past or near its end: every tablet would refuse the connection. */
function warnExpiry(files: TlsFiles) {
  const days = Math.floor((files.validTo.getTime() - Date.now()) / 86_400_000);
  if (days < 14)
    log.warn({ event: 'tls-expiry', validTo: files.validTo.toISOString(), days }, `${days < 0 ? 'Certifikatet er udløbet' : 'Certifikatet udløber snart'} / the TLS certificate ${days < 0 ? 'expired' : 'expires soon'}`);
}

// The clean stop (docs/deploy.md, "Service"): every screen is told the server is restarting
// (so it reconnects at once rather than backing off), what is pending is committed, the
// sockets and the database are closed, exit 0. A second signal stops at once: every action
// acknowledged is on disk already, so nothing acknowledged is lost that way either.
const RESTART_NOTICE_MS = 250;
/** systemd's TimeoutStopSec (deploy/salen.service) is longer: the server exits on its own first. */
const STOP_LIMIT_MS = 8000;
let stopping = false;
for (const sig of ['SIGINT', 'SIGTERM'] as const)
  process.on(sig, () => {
    if (stopping) process.exit(1);
    stopping = true;
    log.info({ event: 'stop', signal: sig, version: service.state.version }, 'stopping');
    setTimeout(() => {
      log.error({ event: 'stop-timeout', signal: sig, limitMs: STOP_LIMIT_MS }, 'the clean stop took too long; exiting');
      process.exit(1);
    }, STOP_LIMIT_MS).unref();
    server.close({ noticeMs: RESTART_NOTICE_MS }).then(
      () => {
        log.info({ event: 'stopped', version: service.state.version }, 'stopped');
        process.exit(0);
      },
      (e: unknown) => {
        log.error({ event: 'error', err: e, signal: sig }, 'the clean stop failed');
        process.exit(1);
      },
    );
  });

// A renewed certificate (certbot's deploy hook, `systemctl reload salen`): read, checked and
// served to new connections without a restart; a bad file keeps the one in use.
if (tlsSource)
  process.on('SIGHUP', () => {
    try {
      const files = readTlsFiles(tlsSource);
      server.reloadTls(files);
      log.info({ event: 'tls-reload', validTo: files.validTo.toISOString() }, 'TLS certificate reloaded');
      warnExpiry(files);
    } catch (e) {
      log.error({ event: 'tls-reload-failed', reason: (e as Error).message }, 'the certificate in use is kept');
    }
  });

// A promise nobody awaited must not stop the meeting: every handler answers its own faults
// (server/transport/inbound.ts); this is the last net, and it says so loudly.
process.on('unhandledRejection', (reason) => {
  log.error({ event: 'error', err: reason }, 'unhandled rejection (the server keeps running)');
});

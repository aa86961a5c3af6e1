import { existsSync } from 'node:fs';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { startServer } from './app';
import { demoOnNetworkWarning, DemoOnNetworkError, isLoopback } from './demo/network';
import { ServerKeyError } from './security/secrets';
import { parseMinCodeDigits, readSetupFile } from './setup/import';
import { defaultProvisioningFile } from './store/credentials';
import { parseTrustProxy } from './transport/client-address';
import { normalOrigin } from './transport/origin';

// `tsx server/main.ts [--demo [--seats N] [--demo-on-network]] [--db FILE] [--port N] [--host H]
//    [--grace-ms MS] [--setup FILE.json|.csv] [--origin URL]… [--trust-proxy VALUE] [--seat-sockets N]
//    [--key-file PATH] [--provisioning-file PATH] [--min-code-digits N]`
// (docs/deploy.md: running it on a network)
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

const dbPath = path.resolve(arg('db') ?? process.env.SALEN_DB ?? 'data/salen-demo.sqlite');
mkdirSync(path.dirname(dbPath), { recursive: true });
const port = Number(arg('port') ?? process.env.PORT ?? 3000);
const setupFile = arg('setup');
const graceMs = arg('grace-ms') ? Number(arg('grace-ms')) : undefined;
const demoSeats = arg('seats') ? Number(arg('seats')) : undefined;
// Sockets open at once with one seat key (issue #11: "at most a few"; the tablet holding the session always gets in).
const seatSockets = arg('seat-sockets') ?? process.env.SALEN_SEAT_SOCKETS;
if (seatSockets !== undefined && !(Number.isInteger(Number(seatSockets)) && Number(seatSockets) >= 1 && Number(seatSockets) <= 20))
  fail(`--seat-sockets ${seatSockets}: a whole number from 1 to 20`);

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
const server = await startServer({
  dbPath,
  port,
  host,
  demo,
  demoOnNetwork,
  graceMs,
  demoSeats,
  origins,
  trustProxy,
  transport: seatSockets !== undefined ? { maxSeatSockets: Number(seatSockets) } : undefined,
  setup,
  keyFile,
  provisioningFile,
}).catch((e: unknown) => (e instanceof ServerKeyError ? fail(e.message) : Promise.reject(e)));

const { url, demo: d, service } = server;
const s = service.state;
if (demo && !isLoopback(host)) console.error(`\n${demoOnNetworkWarning(host)}\n`);
console.log(`Salen kører / Salen is running: ${url}  (data: ${dbPath}${fresh ? ', ny' : ', genoptaget ved version ' + s.version})`);
if (fresh && setup?.generated) {
  // Where, never what: the drawn credentials are in that file only.
  const where = provisioningFile ?? defaultProvisioningFile(dbPath);
  console.log(`  Nye adgangsoplysninger (kun) i / New credentials (only) in: ${where}`);
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
    console.log(`  Alle pladser    ${url}/?demo=links`);
    console.log('');
    console.log('  Demo: nøgler og adgangskoder er tilfældige for denne database og gemt i klartekst i den.');
    console.log('  Demo: keys and passwords are random for this database and kept in it in clear text.');
  }
}
console.log('');
console.log('Stop: Ctrl+C');

for (const sig of ['SIGINT', 'SIGTERM'] as const)
  process.on(sig, () => {
    void server.close().then(() => process.exit(0));
  });

// A promise nobody awaited must not stop the meeting: every handler answers its own faults
// (server/transport/inbound.ts); this is the last net, and it says so loudly.
process.on('unhandledRejection', (reason) => {
  console.error('unhandled rejection (the server keeps running):', reason);
});

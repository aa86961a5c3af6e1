import { existsSync } from 'node:fs';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { startServer } from './app';
import { readSetupFile } from './setup/import';

// `tsx server/main.ts [--demo [--seats N]] [--db FILE] [--port N] [--host H] [--grace-ms MS] [--setup FILE.json|.csv]`
function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const demo = process.argv.includes('--demo');
const dbPath = path.resolve(arg('db') ?? process.env.SALEN_DB ?? 'data/salen-demo.sqlite');
mkdirSync(path.dirname(dbPath), { recursive: true });
const port = Number(arg('port') ?? process.env.PORT ?? 3000);
const host = arg('host') ?? process.env.HOST ?? '127.0.0.1';
const setupFile = arg('setup');
const graceMs = arg('grace-ms') ? Number(arg('grace-ms')) : undefined;
const demoSeats = arg('seats') ? Number(arg('seats')) : undefined;

const fresh = !existsSync(dbPath);
const server = await startServer({
  dbPath,
  port,
  host,
  demo,
  graceMs,
  demoSeats,
  setup: setupFile ? readSetupFile(setupFile) : undefined,
});

const { url, demo: d, service } = server;
const s = service.state;
console.log(`Salen kører / Salen is running: ${url}  (data: ${dbPath}${fresh ? ', ny' : ', genoptaget ved version ' + s.version})`);
if (demo) {
  const member = s.persons[s.chair.line[1] ?? ''] ?? Object.values(s.persons)[0]!;
  const seat = member.seatId!;
  console.log('');
  console.log(`  Oversigt        ${url}/`);
  console.log(`  Pladsterminal   ${url}/seat?key=${d.seatKeys[seat]}   (${member.name}, plads ${seat}, personlig kode ${d.codes[member.id]})`);
  console.log(`  Forpersonen     ${url}/chair   (bruger ${s.chair.line[0]}, adgangskode ${d.chairPasswords[s.chair.line[0]!]})`);
  console.log(`  Sekretariatet   ${url}/secretariat   (adgangskode ${d.secretariatPassword})`);
  console.log(`  Tilhørere       ${url}/gallery`);
  console.log(`  Protokol        ${url}/record`);
  console.log(`  Alle pladser    ${url}/?demo=links`);
}
console.log('');
console.log('Stop: Ctrl+C');

for (const sig of ['SIGINT', 'SIGTERM'] as const)
  process.on(sig, () => {
    void server.close().then(() => process.exit(0));
  });

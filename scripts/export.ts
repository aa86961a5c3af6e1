import { formatResult } from '../server/record/verify';
import { exportMeeting } from '../server/store/export';

// `npm run -s export -- MEETING.sqlite OUT.sqlite`
// Writes a copy of the meeting without credentials (server/store/export.ts) — the copy to
// publish beside the signed record — and verifies it: prints what `npm run -s verify` prints
// on the copy. Exit 0 when the copy verifies, 1 when its chain is broken (it is written all
// the same: it is what the meeting holds), 2 on a usage error or a file it cannot read or write.
const usage = 'usage: npm run -s export -- MEETING.sqlite OUT.sqlite';
const args = process.argv.slice(2);
if (args.includes('-h') || args.includes('--help')) {
  console.log(usage);
  process.exit(0);
}
if (args.length !== 2) {
  console.error(usage);
  process.exit(2);
}
try {
  const r = await exportMeeting(args[0]!, args[1]!);
  console.log(`exported ${r.out} (${r.tables.join(', ')}; no credentials)`);
  console.log(formatResult(r.verify));
  process.exit(r.verify.ok ? 0 : 1);
} catch (e) {
  console.error(`export: ${(e as Error).message}`);
  process.exit(2);
}

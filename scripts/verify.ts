import path from 'node:path';
import { formatResult, verifyAll, verifyLog } from '../server/record/verify';

// `npm run -s verify -- PATH.sqlite [--meeting ID] [--expect HASH]`
// Walks each meeting's hash-chained event log on its own and replays it through the rules,
// and the council's roster chain. Prints, per meeting, "OK <final hash>" or "BROKEN at seq N:
// <reason>"; exit 0 when all are whole, 1 otherwise. With --meeting, only that meeting; with
// --expect, the meeting's chain (the live one's unless --meeting) must also contain HASH,
// e.g. the hash printed on a signed decision record.
const args = process.argv.slice(2);
const usage = 'usage: npm run -s verify -- PATH.sqlite [--meeting ID] [--expect HASH]';
let file: string | undefined;
let expect: string | undefined;
let meeting: string | undefined;
for (let i = 0; i < args.length; i++) {
  const a = args[i]!;
  if (a === '--expect') expect = args[++i];
  else if (a === '--meeting') meeting = args[++i];
  else if (a === '-h' || a === '--help') {
    console.log(usage);
    process.exit(0);
  } else if (!file) file = a;
  else {
    console.error(usage);
    process.exit(2);
  }
}
if (!file || (args.includes('--expect') && !expect) || (args.includes('--meeting') && !meeting)) {
  console.error(usage);
  process.exit(2);
}
if (expect || meeting) {
  const result = verifyLog(path.resolve(file), { expect, meeting });
  console.log(formatResult(result));
  process.exit(result.ok ? 0 : 1);
}
const all = verifyAll(path.resolve(file));
console.log(all.meetings.map(formatResult).join('\n\n'));
console.log(all.council.ok ? `roster changes ${all.council.changes}, chain whole` : `roster BROKEN at change ${all.council.seq}: ${all.council.reason}`);
process.exit(all.ok ? 0 : 1);

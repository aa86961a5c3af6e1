import path from 'node:path';
import { formatResult, verifyLog } from '../server/record/verify';

// `npm run -s verify -- PATH.sqlite [--expect HASH]`
// Walks the meeting's hash-chained event log and replays it through the rules. Prints
// "OK <final hash>" (exit 0) or "BROKEN at seq N: <reason>" (exit 1). With --expect, the
// chain must also contain HASH, e.g. the hash printed on a signed decision record.
const args = process.argv.slice(2);
const usage = 'usage: npm run -s verify -- PATH.sqlite [--expect HASH]';
let file: string | undefined;
let expect: string | undefined;
for (let i = 0; i < args.length; i++) {
  const a = args[i]!;
  if (a === '--expect') expect = args[++i];
  else if (a === '-h' || a === '--help') {
    console.log(usage);
    process.exit(0);
  } else if (!file) file = a;
  else {
    console.error(usage);
    process.exit(2);
  }
}
if (!file || (args.includes('--expect') && !expect)) {
  console.error(usage);
  process.exit(2);
}
const result = verifyLog(path.resolve(file), { expect });
console.log(formatResult(result));
process.exit(result.ok ? 0 : 1);

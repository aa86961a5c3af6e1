/**
 * Proportional allocation from the command line (§ 28; KKR).
 *
 *   npm run -s allocate -- FILE.json [--explain]
 *
 * Prints the result as JSON (2-space indent); with --explain, first a Danish account of every
 * step. Bad input, an unreadable file or invalid JSON: a message on stderr and exit code 2.
 * Input and output format: docs/allocation.md.
 */
import { readFileSync } from 'node:fs';
import { allocate, explain, validateInput } from '../shared/elections/allocation';

const USAGE = 'Brug / usage: npm run -s allocate -- FILE.json [--explain]';

function main(argv: string[]): number {
  const flags = argv.filter((a) => a.startsWith('--'));
  const files = argv.filter((a) => !a.startsWith('--'));
  const unknown = flags.filter((f) => f !== '--explain');
  if (unknown.length > 0 || files.length !== 1) {
    if (unknown.length > 0) process.stderr.write(`Ukendt flag / unknown flag: ${unknown.join(' ')}\n`);
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const file = files[0]!;

  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    process.stderr.write(`Fejl: kan ikke læse filen ${file} / cannot read file ${file}: ${why}\n`);
    return 2;
  }

  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    process.stderr.write(`Fejl i input: JSON: ugyldig JSON / invalid JSON: ${why}\n`);
    return 2;
  }

  const checked = validateInput(raw);
  if (!checked.ok) {
    process.stderr.write(`Fejl i input: ${checked.field}: ${checked.messageDa} / ${checked.message}\n`);
    return 2;
  }

  const result = allocate(checked.input);
  if (flags.includes('--explain')) {
    process.stdout.write(`${explain(checked.input, result)}\n\n`);
  }
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));

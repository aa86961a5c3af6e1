/**
 * Writes docs/open-data.schema.json, the JSON Schema of the open data feed (docs/open-data.md),
 * from the zod schemas in shared/public-schema.ts. `--check`: exit 1 if the committed file
 * differs from what this would write (test/server/open-data.test.ts checks the same).
 *
 *   npm run -s open-data-schema [-- --check]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { z } from 'zod';
import { deltaMessageSchema, publicViewSchema } from '../shared/public-schema';

export const SCHEMA_FILE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../docs/open-data.schema.json');

/** The document: the public view at the root (`GET /api/public`, the `view` event), the `delta` event's data in `$defs`. */
export function openDataSchemaText(): string {
  const { $schema, ...view } = z.toJSONSchema(publicViewSchema, { target: 'draft-2020-12' });
  const { $schema: _, ...delta } = z.toJSONSchema(deltaMessageSchema, { target: 'draft-2020-12' });
  void _;
  const doc = {
    $schema,
    title: 'Salen open data: the public view',
    ...view,
    $defs: { ...(view.$defs as object | undefined), DeltaMessage: delta },
  };
  return JSON.stringify(doc, null, 2) + '\n';
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const text = openDataSchemaText();
  if (process.argv.includes('--check')) {
    const committed = readFileSync(SCHEMA_FILE, 'utf8');
    if (committed !== text) {
      console.error(`${path.relative(process.cwd(), SCHEMA_FILE)} is stale: run npm run -s open-data-schema`);
      process.exit(1);
    }
    console.log(`${path.relative(process.cwd(), SCHEMA_FILE)} is current`);
  } else {
    writeFileSync(SCHEMA_FILE, text);
    console.log(`wrote ${path.relative(process.cwd(), SCHEMA_FILE)}`);
  }
}

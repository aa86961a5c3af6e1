// What each screen downloads: builds the client (unless --no-build) and sums, per route, the
// JavaScript and CSS of the entry, the route's lazy chunk and every chunk they import
// statically (Vite's manifest), raw and gzipped. Prints a Markdown table for
// docs/performance.md.  Usage: npm run -s bundle-sizes [-- --no-build]
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

type Chunk = { file: string; src?: string; isEntry?: boolean; imports?: string[]; dynamicImports?: string[]; css?: string[] };

const root = path.resolve(import.meta.dirname, '..');
const out = path.join(root, 'dist/client');
if (!process.argv.includes('--no-build')) execFileSync('npx', ['vite', 'build', '--logLevel', 'error'], { cwd: root, stdio: 'inherit' });
const manifest = JSON.parse(readFileSync(path.join(out, '.vite/manifest.json'), 'utf8')) as Record<string, Chunk>;

const ROUTES: Record<string, string> = {
  '/seat': 'src/screens/seat/SeatScreen.tsx',
  '/chair': 'src/screens/chair/ChairScreen.tsx',
  '/secretariat': 'src/screens/secretariat/SecretariatScreen.tsx',
  '/gallery': 'src/screens/gallery/GalleryScreen.tsx',
  '/': 'src/screens/home/HomeScreen.tsx',
};

/** Every file a chunk needs before it runs: itself, its CSS and its static imports. */
function closure(key: string, files = new Set<string>()): Set<string> {
  const c = manifest[key];
  if (!c || files.has(c.file)) return files;
  files.add(c.file);
  for (const css of c.css ?? []) files.add(css);
  for (const imp of c.imports ?? []) closure(imp, files);
  return files;
}

const entry = Object.keys(manifest).find((k) => manifest[k]!.isEntry)!;
const kB = (n: number) => (n / 1024).toFixed(1);
const rows: string[] = ['| route | JS kB | CSS kB | total kB | gzip kB |', '|---|---:|---:|---:|---:|'];
for (const [route, src] of Object.entries(ROUTES)) {
  const key = Object.keys(manifest).find((k) => k.endsWith(src));
  if (!key) throw new Error(`no chunk for ${route} (${src}) in the manifest`);
  const files = closure(key, closure(entry));
  let js = 0, css = 0, gz = 0;
  for (const f of files) {
    const buf = readFileSync(path.join(out, f));
    if (f.endsWith('.css')) css += buf.length;
    else js += buf.length;
    gz += gzipSync(buf, { level: 9 }).length;
  }
  rows.push(`| \`${route}\` | ${kB(js)} | ${kB(css)} | ${kB(js + css)} | ${kB(gz)} |`);
}
console.log(rows.join('\n'));

import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// The browser tests run against the built client (dist/client), served by the real server.
// Build it only when it is missing or older than its sources; a lock directory keeps two
// test workers from building into the same folder at once.
const root = path.resolve(fileURLToPath(new URL('../..', import.meta.url)));
const outIndex = path.join(root, 'dist/client/index.html');
const lockDir = path.join(root, '.tmp/vite-build.lock');

function newestMtime(p: string): number {
  if (!existsSync(p)) return 0;
  const st = statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  let max = 0;
  for (const name of readdirSync(p)) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    max = Math.max(max, newestMtime(path.join(p, name)));
  }
  return max;
}

export function clientIsStale(): boolean {
  if (!existsSync(outIndex)) return true;
  const built = statSync(outIndex).mtimeMs;
  const sources = Math.max(
    newestMtime(path.join(root, 'client')),
    newestMtime(path.join(root, 'shared')),
    newestMtime(path.join(root, 'vite.config.ts')),
  );
  return sources > built;
}

function sleep(ms: number) {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Builds dist/client with vite when needed; returns the static directory. */
export function ensureClientBuilt(): string {
  const dir = path.join(root, 'dist/client');
  if (!clientIsStale()) return dir;
  mkdirSync(path.dirname(lockDir), { recursive: true });
  const deadline = Date.now() + 90_000;
  for (;;) {
    try {
      mkdirSync(lockDir);
      break;
    } catch {
      // Someone else is building; a lock older than two minutes is left over from a crash.
      try {
        if (Date.now() - statSync(lockDir).mtimeMs > 120_000) rmSync(lockDir, { recursive: true, force: true });
      } catch {
        /* gone already */
      }
      if (Date.now() > deadline) throw new Error('timed out waiting for another vite build');
      sleep(250);
    }
  }
  try {
    if (clientIsStale()) {
      execFileSync(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], {
        cwd: root,
        stdio: 'inherit',
        timeout: 90_000,
      });
    }
  } finally {
    rmSync(lockDir, { recursive: true, force: true });
  }
  if (!existsSync(outIndex)) throw new Error('vite build did not produce dist/client/index.html');
  return dir;
}

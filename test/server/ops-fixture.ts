import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes, randomInt } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { networkInterfaces, tmpdir } from 'node:os';
import path from 'node:path';
import { demoChamber } from '../../server/demo/chamber';
import type { Credentials } from '../../server/store/db';
import type { MeetingSetup } from '../../shared/types';
import { freePort } from './process';

/** A real meeting's set-up file (not the demo: a demo prints its credentials by design), with its secrets known to the test. */
export interface SetupFixture {
  dir: string;
  file: string;
  setup: MeetingSetup;
  credentials: Credentials;
  /** Every secret in the file, to look for in output. */
  secrets: string[];
}

/**
 * Personal codes of 8 digits, so that none turns up in a log line by chance (a port, a pid or
 * a time holding the same 4 digits); seat keys of 192 random bits; passwords of 20 characters.
 */
export function setupFixture(seatCount = 12): SetupFixture {
  const dir = mkdtempSync(path.join(tmpdir(), 'salen-ops-'));
  const { setup } = demoChamber({ seatCount });
  const used = new Set<string>();
  const code = () => {
    let c: string;
    do c = String(randomInt(10_000_000, 100_000_000));
    while (used.has(c));
    used.add(c);
    return c;
  };
  const secret = (bytes: number) => randomBytes(bytes).toString('base64url');
  const credentials: Credentials = {
    codes: Object.fromEntries(setup.persons.map((p) => [p.id, code()])),
    seatKeys: Object.fromEntries(setup.chamber.seats.map((s) => [s.id, secret(24)])),
    chairPasswords: Object.fromEntries(setup.chairLine.map((id) => [id, secret(15)])),
    secretariatPassword: secret(15),
  };
  const file = path.join(dir, 'setup.json');
  const memberCount = setup.persons.filter((p) => p.kind === 'member').length;
  writeFileSync(file, JSON.stringify({ setup, credentials, config: { memberCount } }, null, 2));
  const secrets = [
    ...Object.values(credentials.codes),
    ...Object.values(credentials.seatKeys),
    ...Object.values(credentials.chairPasswords),
    credentials.secretariatPassword,
  ];
  return { dir, file, setup, credentials, secrets };
}

export interface RunningProcess {
  child: ChildProcess;
  /** Every line written to stdout and stderr so far, in order of arrival per stream. */
  stdout: string[];
  stderr: string[];
  /** stdout's lines that are JSON objects (the log). */
  logs(): Record<string, unknown>[];
  /** Waits for a log line matching `pred`. */
  waitForLog(pred: (l: Record<string, unknown>) => boolean, ms?: number): Promise<Record<string, unknown>>;
  /** SIGTERM, then the exit code. */
  stop(): Promise<number | null>;
  exited: Promise<number | null>;
}

function lines(stream: NodeJS.ReadableStream, into: string[], onLine: () => void) {
  let rest = '';
  stream.on('data', (d: Buffer) => {
    rest += d.toString('utf8');
    const parts = rest.split('\n');
    rest = parts.pop()!;
    into.push(...parts);
    onLine();
  });
  stream.on('end', () => {
    if (rest) into.push(rest);
    rest = '';
    onLine();
  });
}

/**
 * A real server process on a fresh fixture of `seatCount` seats: its own directory, database
 * and free port, a long grace period, and `args` after those (e.g. `--log-level trace`).
 */
export async function fixtureServer(seatCount: number, args: string[] = [], env: Record<string, string> = {}) {
  const fx = setupFixture(seatCount);
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const dbPath = path.join(fx.dir, 'meeting.sqlite');
  const server = await runServer(['--db', dbPath, '--setup', fx.file, '--port', String(port), '--grace-ms', '600000', ...args], url, env);
  return { fx, port, url, dbPath, server };
}

/** `server/main.ts` as its own process with these flags; resolves once `/healthz` answers on `probe`. */
export async function runServer(args: string[], probe: string, env: Record<string, string> = {}): Promise<RunningProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
  });
  const stdout: string[] = [];
  const stderr: string[] = [];
  const waiters = new Set<() => void>();
  const wake = () => {
    for (const w of [...waiters]) w();
  };
  lines(child.stdout!, stdout, wake);
  lines(child.stderr!, stderr, wake);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const logs = () =>
    stdout.flatMap((l) => {
      try {
        const v = JSON.parse(l) as unknown;
        return v && typeof v === 'object' && !Array.isArray(v) ? [v as Record<string, unknown>] : [];
      } catch {
        return [];
      }
    });
  const run: RunningProcess = {
    child,
    stdout,
    stderr,
    logs,
    exited,
    waitForLog: (pred, ms = 10_000) =>
      new Promise((resolve, reject) => {
        const check = () => {
          const hit = logs().find(pred);
          if (hit) {
            waiters.delete(check);
            clearTimeout(t);
            resolve(hit);
          }
        };
        const t = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no such log line; got:\n${stdout.join('\n')}\n${stderr.join('\n')}`));
        }, ms);
        waiters.add(check);
        check();
      }),
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited ${child.exitCode}: ${stderr.join('\n')}\n${stdout.join('\n')}`);
    try {
      if ((await fetch(`${probe}/healthz`)).ok) return run;
    } catch {
      /* not yet listening */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`server did not become ready: ${stderr.join('\n')}`);
}

/** An IPv4 address of this machine that is not loopback, if it has one. */
export function nonLoopbackAddress(): string | null {
  for (const list of Object.values(networkInterfaces()))
    for (const i of list ?? []) if (i.family === 'IPv4' && !i.internal) return i.address;
  return null;
}

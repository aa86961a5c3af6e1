import { fork, type ChildProcess } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Wall-clock milliseconds with sub-millisecond resolution, comparable across processes. */
export const now = () => performance.timeOrigin + performance.now();
export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

export interface Dist {
  n: number;
  min: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
}

export function dist(values: number[]): Dist {
  const s = [...values].sort((a, b) => a - b);
  return { n: s.length, min: s.length ? s[0]! : NaN, p50: percentile(s, 50), p90: percentile(s, 90), p99: percentile(s, 99), max: s.length ? s[s.length - 1]! : NaN };
}

/** A promise that rejects after `ms` with `what` in the message. */
export function within<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let t: NodeJS.Timeout;
  return Promise.race([
    p.finally(() => clearTimeout(t)),
    new Promise<T>((_r, reject) => (t = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms))),
  ]);
}

// ---- child processes with a request/answer protocol over IPC --------------------------------

type Msg = { id?: number; cmd?: string; ev?: string; error?: string; [k: string]: unknown };

const children = new Set<ChildProcess>();

/** Kills every child this process started (SIGKILL: they hold nothing worth a clean stop). */
export function killChildren() {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  children.clear();
}
let hooked = false;
function hookExit() {
  if (hooked) return;
  hooked = true;
  process.on('exit', killChildren);
  for (const sig of ['SIGINT', 'SIGTERM'] as const)
    process.on(sig, () => {
      killChildren();
      process.exit(130);
    });
}

export class Child {
  private seq = 0;
  private waiting = new Map<number, { resolve: (m: Msg) => void; reject: (e: Error) => void }>();
  private events: ((m: Msg) => void)[] = [];
  stderr = '';
  constructor(readonly name: string, readonly proc: ChildProcess) {
    proc.on('message', (m: Msg) => {
      if (m.id !== undefined && this.waiting.has(m.id)) {
        const w = this.waiting.get(m.id)!;
        this.waiting.delete(m.id);
        if (m.error) w.reject(new Error(`${name}: ${m.error}`));
        else w.resolve(m);
      } else for (const e of this.events) e(m);
    });
    proc.stderr?.on('data', (d) => {
      this.stderr = (this.stderr + String(d)).slice(-4000);
    });
    proc.on('exit', (code, signal) => {
      children.delete(proc);
      for (const w of this.waiting.values()) w.reject(new Error(`${name} exited (${code ?? signal}): ${this.stderr.slice(-1500)}`));
      this.waiting.clear();
    });
  }
  call(cmd: string, args: Record<string, unknown> = {}, timeoutMs = 120_000): Promise<Msg> {
    const id = ++this.seq;
    return within(
      new Promise<Msg>((resolve, reject) => {
        this.waiting.set(id, { resolve, reject });
        this.proc.send({ id, cmd, ...args });
      }),
      timeoutMs,
      `${this.name} ${cmd}`,
    );
  }
  onEvent(cb: (m: Msg) => void) {
    this.events.push(cb);
  }
  waitEvent(ev: string, timeoutMs: number): Promise<Msg> {
    return within(
      new Promise<Msg>((resolve) => {
        const cb = (m: Msg) => {
          if (m.ev === ev) {
            this.events = this.events.filter((x) => x !== cb);
            resolve(m);
          }
        };
        this.events.push(cb);
      }),
      timeoutMs,
      `${this.name} ${ev}`,
    );
  }
  kill() {
    if (this.proc.exitCode === null && this.proc.signalCode === null) this.proc.kill('SIGKILL');
  }
  exited(): Promise<void> {
    if (this.proc.exitCode !== null || this.proc.signalCode !== null) return Promise.resolve();
    return new Promise((r) => this.proc.once('exit', () => r()));
  }
}

/** Starts `file` (relative to the repo root) under tsx as a child with an IPC channel. */
export function spawnChild(name: string, file: string, args: string[] = [], execArgv: string[] = []): Child {
  hookExit();
  const proc = fork(path.join(ROOT, file), args, {
    cwd: ROOT,
    execArgv: ['--import', 'tsx', ...execArgv],
    stdio: ['ignore', 'inherit', 'pipe', 'ipc'],
    serialization: 'advanced',
  });
  children.add(proc);
  return new Child(name, proc);
}

/** The child's side: answer requests with handlers; exit when the parent goes away. */
export function serve(handlers: Record<string, (m: Msg) => unknown>) {
  process.on('disconnect', () => process.exit(0));
  process.on('message', async (m: Msg) => {
    const h = m.cmd ? handlers[m.cmd] : undefined;
    try {
      if (!h) throw new Error(`unknown command ${m.cmd}`);
      const out = (await h(m)) ?? {};
      process.send?.({ id: m.id, ...(out as object) });
    } catch (e) {
      process.send?.({ id: m.id, error: e instanceof Error ? e.stack ?? e.message : String(e) });
    }
  });
}

export function fmt(n: number, digits = 1): string {
  if (!Number.isFinite(n)) return '—';
  return n.toFixed(digits);
}

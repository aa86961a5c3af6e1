import { spawn, type ChildProcess } from 'node:child_process';
import { get as httpsGet } from 'node:https';
import { createServer } from 'node:net';

/** A free loopback port. */
export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

/** `/healthz` answers 200 over HTTPS, trusting only `ca`. */
function httpsReady(port: number, ca: string | Buffer): Promise<boolean> {
  return new Promise((resolve) => {
    const req = httpsGet({ host: '127.0.0.1', port, path: '/healthz', ca, servername: 'localhost' }, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.on('error', () => resolve(false));
  });
}

/**
 * The real server as its own process, so a test can kill -9 it; `tls.ca`: it serves HTTPS with
 * a certificate from that CA. A fresh demo without the earlier meeting (`--no-demo-history`):
 * the tests read the live meeting's log as the only one.
 */
export async function spawnServer(dbPath: string, port: number, extra: string[] = [], tls?: { ca: string | Buffer }): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts', '--demo', '--no-demo-history', '--db', dbPath, '--port', String(port), ...extra], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let err = '';
  child.stderr?.on('data', (d) => (err += d));
  // The server's JSON log (stdout) is not read here, but drained: a full pipe would stall its writes.
  child.stdout?.resume();
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited: ${err}`);
    if (tls) {
      if (await httpsReady(port, tls.ca)) return child;
    } else
      try {
        const res = await fetch(`http://127.0.0.1:${port}/healthz`);
        if (res.ok) return child;
      } catch {
        /* not yet listening */
      }
    await new Promise((r) => setTimeout(r, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`server did not become ready: ${err}`);
}

export function kill9(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

/** Sends `signal` and resolves with how the process ended. */
export function stopWith(child: ChildProcess, signal: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve({ code: child.exitCode, signal: child.signalCode });
    child.once('exit', (code, sig) => resolve({ code, signal: sig }));
    child.kill(signal);
  });
}

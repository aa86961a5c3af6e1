import WebSocket from 'ws';

/**
 * A socket.io client written frame by frame on a raw websocket (engine.io v4): it sends what
 * socket.io-client's own encoder would never produce, so the server's decoder meets it as an
 * attacker's frames. Only the handful of engine.io rules needed to stay connected: answer the
 * server's ping ("2") with a pong ("3"); a socket.io packet is an engine.io message ("4…").
 */
export class Wire {
  private waiters: ((frame: string) => boolean)[] = [];
  closed = false;
  frames: string[] = [];

  private constructor(private ws: WebSocket) {
    ws.on('message', (data, isBinary) => {
      if (isBinary) return;
      const text = data.toString();
      if (text === '2') return ws.send('3');
      this.frames.push(text);
      if (this.frames.length > 200) this.frames.splice(0, 100);
      this.waiters = this.waiters.filter((w) => !w(text));
    });
    ws.on('close', () => {
      this.closed = true;
      for (const w of this.waiters) w('');
      this.waiters = [];
    });
    ws.on('error', () => {
      this.closed = true;
    });
  }

  /**
   * Opens the websocket and sends the namespace CONNECT with `auth` as raw text (so the
   * handshake itself can be hostile). Resolves with the wire and the server's answer:
   * `connected` or the connect_error's message.
   */
  static open(url: string, authText = '', opts: { origin?: string; timeoutMs?: number } = {}): Promise<{ wire: Wire; connected: boolean; error: string | null }> {
    const ws = new WebSocket(`${url.replace(/^http/, 'ws')}/socket.io/?EIO=4&transport=websocket`, { origin: opts.origin });
    const wire = new Wire(ws);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        ws.terminate();
        resolve({ wire, connected: false, error: 'timeout' });
      }, opts.timeoutMs ?? 10_000);
      const done = (connected: boolean, error: string | null) => {
        clearTimeout(timer);
        resolve({ wire, connected, error });
      };
      ws.on('unexpected-response', (_req, res) => done(false, `http ${res.statusCode}`));
      ws.on('error', (e) => done(false, e.message));
      ws.on('close', () => done(false, 'closed'));
      wire.waiters.push((f) => {
        if (f.startsWith('0{')) {
          ws.send('40' + authText);
          return false;
        }
        if (f.startsWith('40')) return done(true, null), true;
        if (f.startsWith('44')) {
          let msg = 'connect_error';
          try {
            msg = (JSON.parse(f.slice(2)) as { message: string }).message;
          } catch {
            /* keep the generic name */
          }
          return done(false, msg), true;
        }
        return false;
      });
    });
  }

  /** Sends one socket.io packet as it is (the engine.io "message" prefix is added). */
  packet(text: string) {
    if (!this.closed) this.ws.send('4' + text);
  }

  /** Sends an engine.io frame as it is (no prefix): for invalid engine.io packets. */
  raw(data: string | Buffer) {
    if (!this.closed) this.ws.send(data);
  }

  /** The answer to ack id `id` (`43<id>[…]`): its first argument, or null on close or timeout. */
  ack(id: number, timeoutMs = 5000): Promise<Record<string, unknown> | null> {
    const prefix = `43${id}[`;
    return new Promise((resolve) => {
      if (this.closed) return resolve(null);
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== check);
        resolve(null);
      }, timeoutMs);
      const check = (f: string) => {
        if (f === '') {
          clearTimeout(timer);
          resolve(null);
          return true;
        }
        if (!f.startsWith(prefix)) return false;
        clearTimeout(timer);
        try {
          resolve((JSON.parse(f.slice(prefix.length - 1)) as Record<string, unknown>[])[0] ?? null);
        } catch {
          resolve(null);
        }
        return true;
      };
      this.waiters.push(check);
    });
  }

  /** The next whole view pushed (`42["view",{…,"view":…}]`), or null. */
  view(timeoutMs = 5000): Promise<{ version: number; role: string; view: unknown } | null> {
    const found = this.frames.find((f) => f.startsWith('42["view",') && f.includes('"view":{'));
    const parse = (f: string) => (JSON.parse(f.slice(2)) as [string, { version: number; role: string; view: unknown }])[1];
    if (found) return Promise.resolve(parse(found));
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(null), timeoutMs);
      this.waiters.push((f) => {
        if (f === '') return clearTimeout(timer), resolve(null), true;
        if (!f.startsWith('42["view",') || !f.includes('"view":{')) return false;
        clearTimeout(timer);
        resolve(parse(f));
        return true;
      });
    });
  }

  close() {
    this.closed = true;
    this.ws.terminate();
  }
}

import type { Request, RequestHandler, Response } from 'express';
import type { IncomingMessage } from 'node:http';
import { applyPatch, diffViews, type Patch } from '../../shared/delta';
import type { MeetingState } from '../../shared/types';
import { publicView } from '../../shared/views';
import type { MeetingService } from '../meeting/service';

/**
 * The open data feed (docs/open-data.md): `GET /api/public` and the Server-Sent Events stream
 * `GET /api/public/events`, one public view for both, computed once per change for every
 * viewer. Only the gallery's view (shared/views.ts `publicView`) goes out: never a closed
 * item (§§ 2–3), and a change that alters nothing public is not even a new version here.
 */
export interface PublicFeedOptions {
  /** SSE streams open at once, in total (default 2,000); beyond it: 429. */
  maxStreams?: number;
  /** SSE streams open at once from one client address (default 16); beyond it: 429. */
  maxStreamsPerAddress?: number;
  /** A comment line this often keeps proxies and NATs from dropping an idle stream (default 15 s). */
  heartbeatMs?: number;
  /** The `retry:` hint: how long a browser waits before it reconnects (default 2 s). */
  retryMs?: number;
  /** Deltas kept for resuming with `Last-Event-ID` (default 500 changes, at most 4 MB of them). */
  historyChanges?: number;
  historyBytes?: number;
  /** A stream whose unsent output passes this is dropped (it resumes on reconnecting; default 1 MB). */
  maxBufferedBytes?: number;
}

export const PUBLIC_FEED_DEFAULTS: Required<PublicFeedOptions> = {
  maxStreams: 2000,
  maxStreamsPerAddress: 16,
  heartbeatMs: 15_000,
  retryMs: 2000,
  historyChanges: 500,
  historyBytes: 4 * 1024 * 1024,
  maxBufferedBytes: 1024 * 1024,
};

/** One change, as its SSE frame (made once, written to every stream). */
interface Change {
  base: number;
  version: number;
  frame: string;
}

// The set-up parts of the public view are the same objects while the set-up is: the diff
// does not walk them (as the socket push: server/transport/sockets.ts).
const STATIC_KEYS = ['chamber', 'groups', 'members'];
// As the socket push (docs/performance.md, B): a storm of ballots shows as one running tally.
const TALLY_MS = 100;
const TALLY_MAX_MS = 1000;
/** Streams written per turn of the event loop before yielding (as server/transport/fanout.ts). */
const SLICE_STREAMS = 64;
const SLICE_MS = 2;

const viewFrame = (version: number, text: string) => `id: ${version}\nevent: view\ndata: ${text}\n\n`;

/** Cross-origin reads without credentials: anyone's page may show the public view. */
export function openToAnyOrigin(res: Response) {
  res.setHeader('Access-Control-Allow-Origin', '*');
  // helmet's `same-origin` would keep other sites' no-cors loads out; this data is public.
  res.setHeader('Cross-Origin-Resource-Policy', 'cross-origin');
}

export class PublicFeed {
  private readonly opts: Required<PublicFeedOptions>;
  /** The state object and version the view was last brought up to (a rebuilt state is a new object). */
  private seenState: MeetingState | null = null;
  private seenVersion = -1;
  /** The view as last changed: its version, text, and a copy to diff against (shares nothing with the state). */
  private version = -1;
  private text = '';
  private snapshot: unknown = null;
  private statics: Record<string, unknown> = {};
  private history: Change[] = [];
  private historyBytes = 0;
  private readonly streams = new Set<Stream>();
  private readonly perAddress = new Map<string, number>();
  private heartbeat: NodeJS.Timeout | null = null;
  private timer: NodeJS.Timeout | null = null;
  private firstHeld = 0;
  private closed = false;
  /** Frames queued for the streams, written in slices. */
  private queue: { streams: Stream[]; frame: string }[] = [];
  private sending = false;
  /** How many times the view was computed (a test checks one computation serves every viewer). */
  computed = 0;

  constructor(
    private readonly service: MeetingService,
    private readonly clientAddress: (req: IncomingMessage) => string,
    opts: PublicFeedOptions = {},
  ) {
    this.opts = { ...PUBLIC_FEED_DEFAULTS, ...Object.fromEntries(Object.entries(opts).filter(([, v]) => v !== undefined)) };
    // Only while someone streams: otherwise the view is brought up to date when asked for,
    // and that one catch-up is a delta from the last view like any other.
    service.onCommitted((c) => {
      if (this.streams.size === 0 || this.closed) return;
      const active = service.state.activeVote ? service.state.votes[service.state.activeVote] : undefined;
      const tallyOnly = active?.mode === 'electronic' && c.actions.every((a) => a.type === 'vote.cast');
      if (!tallyOnly) return this.flushHeld();
      const t = Date.now();
      if (!this.firstHeld) this.firstHeld = t;
      if (this.timer) clearTimeout(this.timer);
      this.timer = setTimeout(this.flushHeld, Math.max(0, Math.min(TALLY_MS, this.firstHeld + TALLY_MAX_MS - t)));
    });
    service.onReset(() => this.meetingChanged());
  }

  /** Another meeting went live: every stream gets its whole view (its version follows the last one's). */
  private meetingChanged() {
    if (this.closed) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.firstHeld = 0;
    const { view, statics } = this.viewNow();
    this.reset(view, statics);
    if (this.streams.size) this.send([...this.streams], viewFrame(this.version, this.text));
  }

  /** The public view of the committed state, computed once, and its set-up parts. */
  private viewNow() {
    const s = this.service.state;
    this.seenState = s;
    this.seenVersion = s.version;
    const view = publicView(s);
    this.computed++;
    const statics: Record<string, unknown> = {};
    for (const k of STATIC_KEYS) statics[k] = (view as unknown as Record<string, unknown>)[k];
    return { s, view, statics };
  }

  private flushHeld = () => {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    // Never a view with an action not yet committed in it.
    if (this.service.pending > 0) {
      this.timer = setTimeout(this.flushHeld, 5);
      return;
    }
    this.firstHeld = 0;
    const change = this.catchUp();
    if (change) this.send([...this.streams], change.frame);
  };

  /**
   * Brings the view up to the committed state: the new change (once), or null when nothing
   * public changed. While actions wait for their commit, the last committed view stands.
   */
  private catchUp(): Change | null {
    const s = this.service.state;
    if (this.version >= 0 && (this.service.pending > 0 || (s === this.seenState && s.version === this.seenVersion))) return null;
    const { view, statics } = this.viewNow();
    if (this.version < 0 || s.version < this.version) {
      // The first view, or a state rebuilt behind the last one: no delta leads here.
      this.reset(view, statics);
      return null;
    }
    const same = (p: readonly string[]) => p.length === 1 && STATIC_KEYS.includes(p[0]!) && statics[p[0]!] === this.statics[p[0]!];
    const ops = diffViews(this.snapshot, view, same);
    this.statics = statics;
    // §§ 2–3: activity in a closed item changes nothing public, not even the version.
    if (ops.every((op) => op[0].length === 1 && op[0][0] === 'version')) return null;
    const patch = JSON.stringify(ops);
    const change: Change = { base: this.version, version: s.version, frame: `id: ${s.version}\nevent: delta\ndata: {"version":${s.version},"base":${this.version},"patch":${patch}}\n\n` };
    this.snapshot = applyPatch(this.snapshot, JSON.parse(patch) as Patch);
    this.version = s.version;
    this.text = '';
    this.history.push(change);
    this.historyBytes += change.frame.length;
    while (this.history.length > this.opts.historyChanges || this.historyBytes > this.opts.historyBytes) this.historyBytes -= this.history.shift()!.frame.length;
    return change;
  }

  private reset(view: object, statics: Record<string, unknown>) {
    this.text = JSON.stringify(view);
    this.snapshot = JSON.parse(this.text);
    this.statics = statics;
    this.version = (view as { version: number }).version;
    this.history = [];
    this.historyBytes = 0;
  }

  /** The current public view: its version and JSON text. */
  current(): { version: number; text: string } {
    const change = this.catchUp();
    if (change && this.streams.size) this.send([...this.streams], change.frame);
    this.text ||= JSON.stringify(this.snapshot);
    return { version: this.version, text: this.text };
  }

  /**
   * What a stream that last had `lastId` needs: nothing when it is current; the deltas since
   * when they are all kept and smaller than the whole view; else the whole view.
   */
  private resumeFrames(lastId: number | null): string[] {
    const cur = this.current();
    if (lastId === cur.version) return [];
    if (lastId !== null && lastId < cur.version) {
      const from = this.history.findIndex((c) => c.base === lastId);
      if (from >= 0) {
        const frames = this.history.slice(from).map((c) => c.frame);
        if (frames.reduce((n, f) => n + f.length, 0) < cur.text.length) return frames;
      }
    }
    return [viewFrame(cur.version, cur.text)];
  }

  /** `GET /api/public`. */
  readonly json: RequestHandler = (_req, res) => {
    openToAnyOrigin(res);
    res.type('json').send(this.current().text);
  };

  /** The CORS preflight some clients send (a `Last-Event-ID` or `Cache-Control` header). */
  readonly preflight: RequestHandler = (_req, res) => {
    openToAnyOrigin(res);
    res.setHeader('Access-Control-Allow-Methods', 'GET');
    res.setHeader('Access-Control-Allow-Headers', 'Last-Event-ID, Cache-Control');
    res.setHeader('Access-Control-Max-Age', '86400');
    res.status(204).end();
  };

  /** `GET /api/public/events`. */
  readonly events: RequestHandler = (req, res) => {
    openToAnyOrigin(res);
    res.setHeader('Cache-Control', 'no-store');
    // A HEAD (a link checker, a monitor) learns that the stream is there without holding one open.
    if (req.method === 'HEAD') return void res.status(200).type('text/event-stream').end();
    const address = this.clientAddress(req);
    const mine = this.perAddress.get(address) ?? 0;
    if (this.closed) return void res.status(503).setHeader('Retry-After', '2').json(refusal('STOPPING', 'Serveren stopper.', 'The server is stopping.'));
    if (this.streams.size >= this.opts.maxStreams || mine >= this.opts.maxStreamsPerAddress) {
      const whose = mine >= this.opts.maxStreamsPerAddress ? { da: 'fra denne adresse', en: 'from this address' } : { da: 'i alt', en: 'in all' };
      return void res
        .status(429)
        .setHeader('Retry-After', '30')
        .json(refusal('TOO_MANY_STREAMS', `For mange åbne strømme ${whose.da}; prøv igen senere.`, `Too many open streams ${whose.en}; try again later.`));
    }
    // What this stream starts with is worked out before it joins: a change found on the way
    // goes to the others, and is already in this one's frames.
    const frames = this.resumeFrames(parseLastId(req));
    this.perAddress.set(address, mine + 1);
    // No compression and no buffering on the way (nginx honours X-Accel-Buffering): each
    // event leaves when it is written.
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store, no-transform',
      Connection: 'keep-alive',
      'X-Accel-Buffering': 'no',
    });
    req.socket.setNoDelay(true);
    req.socket.setTimeout(0);
    const stream: Stream = { res, address, dead: false };
    this.streams.add(stream);
    const done = () => this.drop(stream);
    res.on('close', done);
    res.on('error', done);
    this.write(stream, `retry: ${this.opts.retryMs}\n\n` + frames.join(''));
    this.heartbeat ??= setInterval(() => this.send([...this.streams], ':\n\n'), this.opts.heartbeatMs);
  };

  private drop(stream: Stream) {
    if (stream.dead) return;
    stream.dead = true;
    this.streams.delete(stream);
    const n = (this.perAddress.get(stream.address) ?? 1) - 1;
    if (n > 0) this.perAddress.set(stream.address, n);
    else this.perAddress.delete(stream.address);
    if (!stream.res.writableEnded) stream.res.end();
    if (this.streams.size === 0 && this.heartbeat) {
      clearInterval(this.heartbeat);
      this.heartbeat = null;
    }
  }

  private write(stream: Stream, frame: string) {
    if (stream.dead) return;
    // A viewer that does not read (or cannot keep up) is let go; it resumes from its last id.
    if (stream.res.writableLength > this.opts.maxBufferedBytes) {
      stream.res.destroy();
      return this.drop(stream);
    }
    stream.res.write(frame);
  }

  /** Writes `frame` to `streams` in slices, after the acks of the commit that caused it; order kept. */
  private send(streams: Stream[], frame: string) {
    if (streams.length === 0) return;
    this.queue.push({ streams, frame });
    if (!this.sending) {
      this.sending = true;
      setImmediate(this.run);
    }
  }

  private run = () => {
    const end = performance.now() + SLICE_MS;
    let first = true;
    while (this.queue.length && (first || performance.now() < end)) {
      first = false;
      const job = this.queue[0]!;
      for (const s of job.streams.splice(0, SLICE_STREAMS)) this.write(s, job.frame);
      if (job.streams.length === 0) this.queue.shift();
    }
    if (this.queue.length) setImmediate(this.run);
    else this.sending = false;
  };

  /** Streams open now (metrics, tests). */
  get streamCount() {
    return this.streams.size;
  }

  /**
   * The clean stop: the last committed change goes out, then every stream ends (a browser's
   * EventSource reconnects by itself once a server is back, resuming from its last id).
   */
  close() {
    if (this.closed) return;
    const change = this.streams.size ? this.catchUp() : null;
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.heartbeat = null;
    const pending = this.queue;
    this.queue = [];
    for (const job of pending) for (const s of job.streams) this.write(s, job.frame);
    for (const s of [...this.streams]) {
      if (change) this.write(s, change.frame);
      this.drop(s);
    }
  }
}

interface Stream {
  res: Response;
  address: string;
  dead: boolean;
}

function refusal(code: string, da: string, en: string) {
  return { ok: false, code, paragraph: '—', message: { da, en } };
}

/** `Last-Event-ID` (what EventSource sends on reconnecting), or `?lastEventId=` (polyfills). */
function parseLastId(req: Request): number | null {
  const raw = req.get('last-event-id') ?? (typeof req.query.lastEventId === 'string' ? req.query.lastEventId : undefined);
  if (raw === undefined || !/^\d{1,15}$/.test(raw.trim())) return null;
  return Number(raw.trim());
}

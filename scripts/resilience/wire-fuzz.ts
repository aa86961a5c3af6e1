import { Wire } from './wire';
import { chairAuth, demo, memberIds, seatAuth, ServerProcess, tempDir } from './env';
import { connectLean } from './client';
import { mulberry32 } from '../../test/support/rng';

/**
 * Raw-frame fuzz (issue #11, item 1): frames no socket.io client would send, written on the
 * wire as a gallery visitor, a seat terminal before and after check-in, and the chair would.
 * After every batch: the server process is alive, `/healthz` answers, a fresh client gets its
 * view, and the meeting's version has not moved.
 */
export type Role = 'public' | 'seatBefore' | 'seatAfter' | 'chair';
const ROLES: Role[] = ['public', 'seatBefore', 'seatAfter', 'chair'];
const EVENTS = ['action', 'checkIn', 'sync', 'time', 'seat.rotateKey', 'seat.rotateAllKeys', 'person.resetCode', 'person.resetAllCodes', 'meetings.list', 'meeting.plan', 'meeting.update', 'meeting.noticeSent', 'meeting.activate', 'meeting.publish', 'council.get', 'council.import', 'person.add', 'person.edit', 'person.leave', 'substitute.promote', 'group.add', 'group.edit', 'seats.set', 'no.such.event'];

/** A hostile frame: socket.io packet text (ack id `id`), or a raw engine.io frame. */
interface Case {
  category: string;
  /** With an ack id the server must answer (refusal) or close the connection; never accept. */
  frame(id: number): { packet?: string; raw?: string | Buffer; then?: string | Buffer; ack: boolean };
}

const nest = (n: number, open = '[', close = ']', inner = '0') => open.repeat(n) + inner + close.repeat(n);
const nestObj = (n: number) => '{"a":'.repeat(n) + '0' + '}'.repeat(n);

export function cases(rng: () => number): Case[] {
  const out: Case[] = [];
  const ev = (category: string, body: (id: number) => string) => out.push({ category, frame: (id) => ({ packet: body(id), ack: true }) });
  // Deep nesting in every event, arrays and objects, up to 20,000 levels.
  for (const depth of [33, 200, 6000, 20_000])
    for (const e of EVENTS) {
      ev('deep', (id) => `2${id}["${e}",${nest(depth)}]`);
      ev('deep', (id) => `2${id}["${e}",${nestObj(Math.min(depth, 12_000))}]`);
    }
  // Deep nesting in a client's ack packet (the server never asked for one).
  for (const depth of [100, 20_000]) out.push({ category: 'ack', frame: (id) => ({ packet: `3${id}${nest(depth)}`, ack: false }) });
  out.push({ category: 'ack', frame: (id) => ({ packet: `3${id}["x"]`, ack: false }) });
  // Non-string and missing event names.
  for (const name of ['1', 'null', '{}', '[]', 'true', '1.5e3', '"\\u0000rejected"', '""'])
    ev('event-name', (id) => `2${id}[${name},{"type":"meeting.close"}]`);
  ev('event-name', (id) => `2${id}`);
  ev('event-name', (id) => `2${id}[]`);
  out.push({ category: 'event-name', frame: () => ({ packet: '2', ack: false }) });
  out.push({ category: 'event-name', frame: () => ({ packet: '2[1]', ack: false }) });
  // Wrong argument shapes: extra or missing arguments, callbacks in the wrong place.
  for (const e of ['sync', 'time']) ev('arguments', (id) => `2${id}["${e}",{"extra":1}]`);
  for (const e of ['action', 'checkIn', 'seat.rotateKey', 'person.resetCode']) {
    ev('arguments', (id) => `2${id}["${e}"]`);
    ev('arguments', (id) => `2${id}["${e}",1,2,3]`);
    ev('arguments', (id) => `2${id}["${e}","text"]`);
    ev('arguments', (id) => `2${id}["${e}",null]`);
  }
  // Wide objects and arrays (under the size limit).
  ev('wide', (id) => `2${id}["action",{${Array.from({ length: 1200 }, (_, i) => `"k${i}":${i}`).join(',')},"type":"vote.cast","choice":"for"}]`);
  ev('wide', (id) => `2${id}["action",[${Array.from({ length: 5000 }, () => '0').join(',')}]]`);
  ev('wide', (id) => `2${id}["checkIn",{"code":[${Array.from({ length: 3000 }, () => '"1"').join(',')}]}]`);
  // Keys that reach a prototype, plain and escaped.
  for (const body of [
    '{"type":"vote.cast","choice":"for","__proto__":{"ok":true}}',
    '{"type":"floor.request","constructor":{"prototype":{"admin":true}}}',
    '{"type":"vote.cast","choice":"for","\\u005f_proto__":{"x":1}}',
    '{"type":"election.closeRound","tally":{"__proto__":5}}',
    '{"type":"agenda.reorder","order":[{"__proto__":null}]}',
  ])
    for (const e of ['action', 'checkIn']) ev('prototype', (id) => `2${id}["${e}",${body}]`);
  // Out-of-range numbers.
  for (const n of ['1e999', '-1e999', '1e-400', '9007199254740993', '-0', '1.7976931348623157e308'])
    for (const body of [`{"type":"floor.move","personId":"m1","toIndex":${n},"reason":"x"}`, `{"type":"vote.cast","choice":${n}}`, `{"code":${n}}`])
      ev('numbers', (id) => `2${id}["${body.startsWith('{"code"') ? 'checkIn' : 'action'}",${body}]`);
  // Binary attachment packets, a raw binary frame, and a binary frame with no packet before it.
  out.push({ category: 'binary', frame: (id) => ({ packet: `51-${id}["action",{"_placeholder":true,"num":0}]`, then: Buffer.from([1, 2, 3]), ack: true }) });
  out.push({ category: 'binary', frame: (id) => ({ packet: `51-${id}["action",${nest(5000, '{"_placeholder":true,"num":', '}', '0')}]`, ack: true }) });
  out.push({ category: 'binary', frame: (id) => ({ packet: `61-${id}[{"_placeholder":true,"num":0}]`, ack: false }) });
  out.push({ category: 'binary', frame: () => ({ raw: Buffer.from([4, 0, 1, 2]), ack: false }) });
  // Invalid socket.io and engine.io packet types.
  for (const p of ['7', '9["x"]', 'x', '', '0{"x":1}', '1', '4"boom"', '0/admin,'])
    out.push({ category: 'packet-type', frame: () => ({ packet: p, ack: false }) });
  for (const r of ['5', '6', '8', '9', 'x', '', '4'.repeat(10)]) out.push({ category: 'packet-type', frame: () => ({ raw: r, ack: false }) });
  // Truncated and broken JSON.
  for (const t of ['["action",{"type":"vote.ca', '["action",{"type":', '["action"', '["action",{]', '["action",{"a":1,}]', '["action",{"a":01}]'])
    ev('truncated', (id) => `2${id}${t}`);
  // Frames over the limits: over the packet limit (refused), over the transport limit (closed).
  ev('oversize', (id) => `2${id}["action",{"type":"amendment.submit","text":"${'x'.repeat(20_000)}"}]`);
  ev('oversize', (id) => `2${id}["action",{"type":"amendment.submit","text":"${'x'.repeat(70_000)}"}]`);
  ev('oversize', (id) => `2${id}["${'e'.repeat(17_000)}"]`);
  // Random bytes and random JSON-ish text.
  for (let i = 0; i < 20; i++) {
    const len = 1 + Math.floor(rng() * 200);
    const alphabet = '[]{}",:0123456789aeqtx\\/-+.eE ';
    const junk = Array.from({ length: len }, () => alphabet[Math.floor(rng() * alphabet.length)]).join('');
    ev('random', (id) => `2${id}${junk}`);
  }
  return out;
}

export interface FuzzSummary {
  rounds: number;
  sent: number;
  refused: number;
  closed: number;
  silent: number;
  accepted: number;
  /** An ack-bearing frame that got neither an answer nor a closed connection. */
  unanswered: number;
  byCode: Record<string, number>;
  byCategory: Record<string, { sent: number; refused: number; closed: number; silent: number; accepted: number }>;
  batches: number;
  /** Batches after which the process was alive, /healthz answered, a fresh client got a view, and the version had not moved. */
  batchesHealthy: number;
  serverAlive: boolean;
  versionBefore: number;
  versionAfter: number;
  handshakes: { sent: number; refused: number; connected: number };
  burst: { sent: number; rateLimited: number };
  durationMs: number;
}

export async function wireFuzz(opts: { rounds?: number; seed?: number; log?: (l: string) => void } = {}): Promise<FuzzSummary> {
  const t0 = Date.now();
  const rng = mulberry32(opts.seed ?? 1);
  const tmp = tempDir('fuzz');
  const server = await ServerProcess.create(tmp.db);
  await server.start();
  const url = server.url;
  const summary: FuzzSummary = {
    rounds: opts.rounds ?? 1,
    sent: 0,
    refused: 0,
    closed: 0,
    silent: 0,
    accepted: 0,
    unanswered: 0,
    byCode: {},
    byCategory: {},
    batches: 0,
    batchesHealthy: 0,
    serverAlive: false,
    versionBefore: -1,
    versionAfter: -1,
    handshakes: { sent: 0, refused: 0, connected: 0 },
    burst: { sent: 0, rateLimited: 0 },
    durationMs: 0,
  };
  try {
    // A live meeting: open, an item running, a vote open, members checked in (so that any
    // action slipping through would move the version).
    const chair = await connectLean(url, chairAuth());
    const seatPerson = memberIds[1]!;
    let session = '';
    for (const p of memberIds.slice(0, 30)) {
      const c = await connectLean(url, seatAuth(p));
      const ack = (await c.emit('checkIn', { code: demo.codes[p] })) as { ok: boolean; session?: string } | null;
      if (!ack?.ok) throw new Error(`fuzz set-up: check-in of ${p} refused`);
      if (p === seatPerson) session = ack.session!;
      if (p !== seatPerson) c.close();
      else c.close(); // its session lives on in the database; the fuzz reconnects with it
    }
    for (const body of [{ type: 'meeting.open' }, { type: 'item.start', itemId: 'i2' }, { type: 'vote.open', point: 'P', subject: { kind: 'proposal' } }]) {
      const a = await chair.act(body);
      if (!a?.ok) throw new Error(`fuzz set-up: ${body.type} refused`);
    }
    chair.close();
    const version = async () => ((await (await fetch(`${url}/healthz`)).json()) as { version: number }).version;
    summary.versionBefore = await version();

    const authText: Record<Role, string> = {
      public: '',
      seatBefore: JSON.stringify(seatAuth(memberIds[40]!)),
      seatAfter: JSON.stringify({ ...seatAuth(seatPerson), session }),
      chair: JSON.stringify(chairAuth()),
    };
    const connectAs = async (role: Role) => {
      const r = await Wire.open(url, authText[role]);
      if (!r.connected) throw new Error(`fuzz: ${role} could not connect: ${r.error}`);
      await r.wire.view(5000);
      return r.wire;
    };
    const healthy = async () => {
      summary.batches++;
      if (!server.alive() || !(await server.healthy())) return;
      const fresh = await Wire.open(url, '');
      const v = fresh.connected ? await fresh.wire.view(5000) : null;
      fresh.wire.close();
      if (v && (await version()) === summary.versionBefore) summary.batchesHealthy++;
    };
    const count = (category: string, outcome: 'refused' | 'closed' | 'silent' | 'accepted', code?: string) => {
      summary.sent++;
      summary[outcome]++;
      const c = (summary.byCategory[category] ??= { sent: 0, refused: 0, closed: 0, silent: 0, accepted: 0 });
      c.sent++;
      c[outcome]++;
      if (code) summary.byCode[code] = (summary.byCode[code] ?? 0) + 1;
    };

    const all = cases(rng);
    for (let round = 0; round < summary.rounds; round++) {
      for (const role of ROLES) {
        let wire = await connectAs(role);
        let onThisSocket = 0;
        let id = 0;
        for (const c of all) {
          // A fresh socket every 30 frames: each frame is judged, not the socket's rate limit.
          if (wire.closed || ++onThisSocket > 30) {
            wire.close();
            wire = await connectAs(role);
            onThisSocket = 1;
          }
          const f = c.frame(++id);
          const answer = f.ack ? wire.ack(id, 3000) : null;
          if (f.packet !== undefined) wire.packet(f.packet);
          if (f.raw !== undefined) wire.raw(f.raw);
          if (f.then !== undefined) wire.raw(f.then);
          if (f.ack) {
            const a = await answer;
            if (a && a.ok === true) count(c.category, 'accepted');
            else if (a) count(c.category, 'refused', String(a.code));
            else if (wire.closed) count(c.category, 'closed');
            else {
              count(c.category, 'silent');
              summary.unanswered++;
            }
          } else {
            await new Promise((r) => setTimeout(r, 5));
            count(c.category, wire.closed ? 'closed' : 'silent');
          }
        }
        wire.close();
        await healthy();
        opts.log?.(`round ${round + 1}, ${role}: ${summary.sent} frames so far, ${summary.batchesHealthy}/${summary.batches} batches healthy`);
      }
      // The handshake itself: deep, wide, prototype-keyed and mistyped auth.
      const hostileAuth = [
        nest(20_000),
        nestObj(6000),
        `{"role":${nest(6000)}}`,
        `{"role":"seat","seatKey":${nest(20_000)}}`,
        `{"role":"chair","personId":{"__proto__":{"x":1}},"password":"x"}`,
        '{"role":"seat","seatKey":1}',
        '{"role":"secretariat","password":["a"]}',
        '{"role":"\\u0000rejected"}',
        '[1,2,3]',
        '"text"',
        '{"role":"seat","seatKey":"' + 'k'.repeat(30_000) + '"}',
        '{' + Array.from({ length: 2000 }, (_, i) => `"k${i}":${i}`).join(',') + '}',
        '{"role":"public","__proto__":{"role":"chair"}}',
      ];
      for (const a of hostileAuth) {
        summary.handshakes.sent++;
        const r = await Wire.open(url, a, { timeoutMs: 5000 });
        if (r.connected) {
          summary.handshakes.connected++;
          // Whatever got in must be the public: it may not act.
          const probe = r.wire.ack(1, 3000);
          r.wire.packet('21["action",{"type":"meeting.close"}]');
          const ack = await probe;
          if (ack?.ok === true) summary.accepted++;
        } else summary.handshakes.refused++;
        r.wire.close();
      }
      await healthy();
      // A burst from one socket: answered, rate limited, nothing changed.
      const b = await connectAs('seatAfter');
      const answers = [];
      for (let i = 1; i <= 200; i++) {
        answers.push(b.ack(i, 5000));
        b.packet(`2${i}["action",{"type":"vote.cast","choice":"bogus"}]`);
      }
      for (const a of await Promise.all(answers)) {
        summary.burst.sent++;
        if (a?.code === 'RATE_LIMITED') summary.burst.rateLimited++;
        if (a?.ok === true) summary.accepted++;
        if (!a) summary.unanswered++;
      }
      b.close();
      await healthy();
    }
    summary.serverAlive = server.alive() && (await server.healthy());
    summary.versionAfter = await version();
  } finally {
    await server.kill9();
    tmp.remove();
    summary.durationMs = Date.now() - t0;
  }
  return summary;
}

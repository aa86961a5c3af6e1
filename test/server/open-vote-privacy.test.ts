import { io, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../server/app';
import { applyPatch } from '../../shared/delta';
import type { ActionAck, CheckInAck, ViewMessage, WholeViewMessage } from '../../shared/protocol';
import type { MeetingState } from '../../shared/types';
import type { PublicView } from '../../shared/views';
import { members, seatFor, testServer, type Client } from './helpers';

// Issue #11, item 4 (§ 24): while an electronic vote is open no console — the acting chair,
// a vice-chair, the secretariat — and no member receives anyone's choice but the member's
// own, in any frame on the wire; consoles learn who has voted. After the close, all as held.

/**
 * A socket that keeps every raw engine.io message it receives, and the view rebuilt from them:
 * `V` is the view its role gets (the projected state for consoles and members, `PublicView` for the gallery).
 */
interface Wire<V extends WholeViewMessage['view'] = MeetingState> {
  name: string;
  socket: Socket;
  frames: string[];
  view: V | null;
  act(body: unknown): Promise<ActionAck>;
  waitFor(pred: (view: V) => boolean, ms?: number): Promise<V>;
}

function wire<V extends WholeViewMessage['view'] = MeetingState>(server: RunningServer, name: string, auth: Record<string, unknown>): Promise<Wire<V>> {
  const socket = io(server.url, { auth, transports: ['websocket'], forceNew: true, reconnection: false });
  const frames: string[] = [];
  // Hooked when the transport opens, before the socket.io handshake: no frame is missed.
  socket.io.on('open', () => socket.io.engine.on('data', (d: unknown) => frames.push(typeof d === 'string' ? d : Buffer.from(d as ArrayBuffer).toString('latin1'))));
  const waiters = new Set<() => void>();
  const w: Wire<V> = {
    name,
    socket,
    frames,
    view: null,
    act: (body) => new Promise((resolve) => socket.emit('action', body, resolve)),
    waitFor: (pred, ms = 10_000) =>
      new Promise((resolve, reject) => {
        const check = () => {
          if (w.view && pred(w.view)) {
            waiters.delete(check);
            clearTimeout(t);
            resolve(w.view);
          }
        };
        const t = setTimeout(() => (waiters.delete(check), reject(new Error(`${name}: waitFor timed out`))), ms);
        waiters.add(check);
        check();
      }),
  };
  socket.on('view', (m: ViewMessage) => {
    if (m.patch) w.view = applyPatch(w.view, m.patch);
    else w.view = m.view as V;
    for (const f of [...waiters]) f();
  });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(w));
    socket.once('connect_error', reject);
  });
}

describe('§ 24 — an open electronic vote on the wire (issue #11, item 4)', () => {
  let server: RunningServer;
  const seats = new Map<string, Client>();
  let ids: string[];
  let chair: Wire, vice: Wire, secretariat: Wire, member: Wire, pub: Wire<PublicView>;
  const consoles = () => [chair, vice, secretariat];

  beforeAll(async () => {
    server = await testServer();
    const line = server.service.state.chair.line;
    chair = await wire(server, 'acting chair', { role: 'chair', personId: line[0], password: server.demo.chairPasswords[line[0]!] });
    vice = await wire(server, 'vice-chair', { role: 'chair', personId: line[1], password: server.demo.chairPasswords[line[1]!] });
    secretariat = await wire(server, 'secretariat', { role: 'secretariat', password: server.demo.secretariatPassword });
    pub = await wire<PublicView>(server, 'public', { role: 'public' });
    ids = members(server).filter((p) => !line.includes(p)).slice(0, 30);
    for (const id of ids.slice(1)) seats.set(id, await seatFor(server, id));
    // One member watched on the wire from before check-in: the seat's own socket.
    const p = server.service.state.persons[ids[0]!]!;
    member = await wire(server, 'member', { role: 'seat', seatKey: server.demo.seatKeys[p.seatId!] });
    const ack = await new Promise<CheckInAck>((r) => member.socket.emit('checkIn', { code: server.demo.codes[ids[0]!] }, r));
    expect(ack.ok, JSON.stringify(ack)).toBe(true);
    expect((await chair.act({ type: 'meeting.open' })).ok).toBe(true);
    expect((await chair.act({ type: 'item.start', itemId: 'i2' })).ok).toBe(true);
  });
  afterAll(async () => {
    for (const c of seats.values()) c.close();
    for (const w of [chair, vice, secretariat, member, pub]) w?.socket.close();
    await server?.close();
  });

  /** The public view's open vote, if an open item has one. */
  const openVote = (v: PublicView) => (v.current && !v.current.closed ? v.current.vote : null);

  /** Any way a person's choice can be written in a frame: a map entry, a patch op's value, or a named row. */
  function choiceOf(frame: string, personId: string): RegExpMatchArray | null {
    return frame.match(new RegExp(`"${personId}"\\]?\\s*[:,]\\s*"(for|against|abstain)"|"personId":"${personId}","choice":"(for|against|abstain)"`));
  }

  it('consoles get who has voted and how many, never a choice; a member only their own; after the close, the result', async () => {
    const start = Object.fromEntries([...consoles(), member, pub].map((w) => [w.name, w.frames.length]));
    expect((await chair.act({ type: 'vote.open', point: 'Forslaget vedtages', subject: { kind: 'proposal' } })).ok).toBe(true);
    const voteId = server.service.state.activeVote!;
    // Voters in an order unlike the persons' order; the watched member votes too.
    const voters = [ids[7]!, ids[0]!, ids[3]!, ids[12]!, ids[5]!];
    const choices: Record<string, string> = { [ids[7]!]: 'against', [ids[0]!]: 'for', [ids[3]!]: 'abstain', [ids[12]!]: 'for', [ids[5]!]: 'against' };
    for (const p of voters) {
      const c = p === ids[0] ? member : seats.get(p)!;
      const ack = await c.act({ type: 'vote.cast', choice: choices[p] });
      expect(ack.ok, JSON.stringify(ack)).toBe(true);
    }
    // A changed ballot is still one voter.
    expect((await seats.get(ids[3]!)!.act({ type: 'vote.cast', choice: 'for' })).ok).toBe(true);
    choices[ids[3]!] = 'for';
    const ordered = Object.keys(server.service.state.persons).filter((p) => voters.includes(p));

    for (const w of consoles()) {
      const v = await w.waitFor((x) => x.votes[voteId]?.ballotCount === voters.length);
      expect(v.votes[voteId]!.ballots, w.name).toEqual({});
      expect(v.votes[voteId]!.votedBy, w.name).toEqual(ordered);
    }
    const mv = await member.waitFor((x) => x.votes[voteId]?.ballotCount === voters.length);
    expect(mv.votes[voteId]!.ballots).toEqual({});
    expect(mv.votes[voteId]!.votedBy).toBeUndefined();
    await pub.waitFor((x) => openVote(x)?.voted === voters.length);

    // Every raw frame received so far, by every console, the member and the public.
    for (const w of [...consoles(), member, pub]) {
      const frames = w.frames.slice(start[w.name]);
      expect(frames.length, w.name).toBeGreaterThan(0);
      for (const f of frames)
        for (const p of voters) {
          if (w === member && p === ids[0]) continue; // the member's own ballot comes back to them
          expect(choiceOf(f, p), `${w.name} received ${p}'s choice in ${f.slice(0, 200)}`).toBeNull();
        }
    }
    // The member's own part did carry their own ballot (it follows the views: wait for it).
    const ownFrame = () => member.frames.slice(start.member).some((f) => f.includes('"own"') && f.includes(`"ballot":"${choices[ids[0]!]}"`));
    for (const end = Date.now() + 5000; !ownFrame() && Date.now() < end; ) await new Promise((r) => setTimeout(r, 20));
    expect(ownFrame()).toBe(true);

    // The close: the result, with every ballot, on every console; the seat map for the public.
    const before = chair.frames.length;
    expect((await chair.act({ type: 'vote.close' })).ok).toBe(true);
    for (const w of consoles()) {
      const v = await w.waitFor((x) => x.votes[voteId]?.status === 'closed');
      expect(v.votes[voteId]!.ballots, w.name).toEqual(choices);
      expect(v.votes[voteId]!.result).toMatchObject({ for: 3, against: 2, abstain: 0 });
    }
    expect(chair.frames.slice(before).some((f) => choiceOf(f, ids[7]!))).toBe(true); // the check above can see a choice
    const pv = await pub.waitFor((x) => x.lastResult?.voteId === voteId);
    expect(pv.lastResult!.counts).toEqual({ for: 3, against: 2, abstain: 0 });
    expect(pv.lastResult!.seats![server.service.state.persons[ids[7]!]!.seatId!]).toBe('against');
    // § 29, stk. 2: a member's vote recorded by name after the close reaches every console
    // (a closed vote changes by this one action; the pushes must not skip it).
    expect((await seats.get(ids[7]!)!.act({ type: 'record.nameVote', voteId })).ok).toBe(true);
    for (const w of consoles()) {
      const v = await w.waitFor((x) => x.votes[voteId]?.result?.named?.length === 1);
      expect(v.votes[voteId]!.result!.named, w.name).toEqual([{ personId: ids[7], choice: 'against' }]);
    }
  });

  it('a roll call: each answer shows on the consoles as it is given (spoken aloud); members and the public get counts', async () => {
    expect((await chair.act({ type: 'vote.open', point: 'Navneopråb', subject: { kind: 'proposal' }, mode: 'rollCall' })).ok).toBe(true);
    const voteId = server.service.state.activeVote!;
    const order: string[] = server.service.state.votes[voteId]!.rollCall!.order;
    const start = { member: member.frames.length, pub: pub.frames.length };
    const first = order[0]!;
    const c = first === ids[0] ? member : seats.get(first);
    expect(c, `seat of ${first}`).toBeDefined();
    expect((await c!.act({ type: 'vote.cast', choice: 'against' })).ok).toBe(true);
    for (const w of consoles()) {
      const v = await w.waitFor((x) => Object.keys(x.votes[voteId]?.ballots ?? {}).length === 1);
      expect(v.votes[voteId]!.ballots, w.name).toEqual({ [first]: 'against' });
    }
    await member.waitFor((x) => x.votes[voteId]?.ballotCount === 1);
    await pub.waitFor((x) => openVote(x)?.voted === 1);
    if (first !== ids[0]) for (const f of member.frames.slice(start.member)) expect(choiceOf(f, first)).toBeNull();
    for (const f of pub.frames.slice(start.pub)) expect(choiceOf(f, first)).toBeNull();
  });
});

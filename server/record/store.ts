import { z } from 'zod';
import { applyInPlace } from '../../shared/engine/apply';
import { buildRecord, type StoredCorrection } from '../../shared/record/build';
import type { Audience, DecisionRecord, RecordSignature } from '../../shared/record/types';
import type { MeetingState, Refusal } from '../../shared/types';
import type { AnyRefusalCode } from '../../shared/refusals';
import { initialState, type MeetingService } from '../meeting/service';
import { checkSecret } from '../store/credentials';
import { lastHash, loadSetup, readEvents } from '../store/db';
import { setupHash } from './chain';
import { zodIssues } from '../meeting/malformed';

// § 29, stk. 1: the chair and the secretary sign the record in the system. Signatures and
// corrections live in their own tables beside the event log (sign-off is not an engine
// action; server/store/db.ts); each row names its meeting and states the chain head it
// covers. Rows are only ever inserted: the database itself refuses UPDATE and DELETE on them.

export type RecordRefusal = Refusal & { status: number };

function refusal(status: number, code: AnyRefusalCode, paragraph: string, da: string, en: string): RecordRefusal {
  return { ok: false, status, code, paragraph, message: { da, en } };
}

export const UNAUTHORIZED = () =>
  refusal(401, 'UNAUTHORIZED', '§ 29', 'Forkert adgangskode eller kode.', 'Wrong password or code.');

const secret = z.string().min(1).max(200);
const signSchema = z.discriminatedUnion('role', [
  z.object({ role: z.literal('chair'), personId: z.string().min(1).max(64), password: secret }).strict(),
  z.object({ role: z.literal('secretariat'), password: secret, name: z.string().trim().min(1).max(120).optional() }).strict(),
]);
const correctionSchema = z.discriminatedUnion('role', [
  z
    .object({
      role: z.literal('chair'),
      personId: z.string().min(1).max(64),
      password: secret,
      text: z.string().trim().min(1).max(2000),
      itemId: z.string().min(1).max(64).optional(),
    })
    .strict(),
  z
    .object({
      role: z.literal('secretariat'),
      password: secret,
      name: z.string().trim().min(1).max(120).optional(),
      text: z.string().trim().min(1).max(2000),
      itemId: z.string().min(1).max(64).optional(),
    })
    .strict(),
]);

interface SignatureRow {
  role: 'chair' | 'secretariat';
  person: string | null;
  name: string;
  at: number;
  last_seq: number;
  last_hash: string;
  setup_hash: string;
}

interface CorrectionRow {
  id: number;
  at: number;
  by: string;
  by_role: 'chair' | 'secretariat';
  item_id: string | null;
  text: string;
  last_seq: number;
  last_hash: string;
}


/**
 * One meeting's record: the live meeting's (`meetingId` left out: it follows the service
 * when another meeting goes live) or an earlier one's, replayed from its own log.
 */
export class RecordStore {
  private frozen: { meeting: string; seq: number; state: MeetingState } | null = null;
  private replayed: { meeting: string; seq: number; state: MeetingState } | null = null;

  constructor(
    readonly service: MeetingService,
    readonly clock: () => number = Date.now,
    private readonly fixedMeeting?: string,
  ) {}

  get db() {
    return this.service.db;
  }

  get meetingId(): string {
    return this.fixedMeeting ?? this.service.meetingId;
  }

  /** The meeting's state now: the live one's, or an earlier meeting's log replayed (kept while its head is the same). */
  state(): MeetingState {
    const m = this.meetingId;
    if (m === this.service.meetingId) return this.service.state;
    const head = lastHash(this.db, m).seq;
    if (this.replayed?.meeting === m && this.replayed.seq === head) return this.replayed.state;
    const state = this.replay(m, Infinity);
    this.replayed = { meeting: m, seq: head, state };
    return state;
  }

  private replay(meetingId: string, upTo: number): MeetingState {
    const loaded = loadSetup(this.db, meetingId);
    if (!loaded) throw new Error(`meeting ${meetingId} has no fixed set-up`);
    const s = initialState(loaded);
    for (const ev of readEvents(this.db, meetingId)) {
      if (ev.seq > upTo) break;
      const r = applyInPlace(s, ev.action, ev.ctx);
      if (!r.ok) throw new Error(`log event ${ev.seq} no longer applies: ${r.code}`);
    }
    return s;
  }

  signatures(): RecordSignature[] {
    const rows = this.db.prepare('SELECT * FROM record_signatures WHERE meeting = ? ORDER BY at, rowid').all(this.meetingId) as SignatureRow[];
    return rows.map((r) => ({
      role: r.role,
      personId: r.person,
      name: r.name,
      at: r.at,
      lastSeq: r.last_seq,
      lastHash: r.last_hash,
      setupHash: r.setup_hash,
    }));
  }

  corrections(): StoredCorrection[] {
    const rows = this.db.prepare('SELECT * FROM record_corrections WHERE meeting = ? ORDER BY id').all(this.meetingId) as CorrectionRow[];
    return rows.map((r) => ({
      id: r.id,
      at: r.at,
      by: r.by,
      byRole: r.by_role,
      itemId: r.item_id,
      text: r.text,
      lastSeq: r.last_seq,
      lastHash: r.last_hash,
    }));
  }

  /** The state the record is frozen at: the log replayed up to the first signature's event. */
  frozenState(): MeetingState | null {
    const first = this.signatures()[0];
    if (!first) return null;
    if (this.frozen?.meeting === this.meetingId && this.frozen.seq === first.lastSeq) return this.frozen.state;
    const s = this.replay(this.meetingId, first.lastSeq);
    this.frozen = { meeting: this.meetingId, seq: first.lastSeq, state: s };
    return s;
  }

  /** The record for `audience`: frozen once signed, with later additions listed apart. */
  record(audience: Audience): DecisionRecord {
    const frozen = this.frozenState();
    const live = this.state();
    return buildRecord(frozen ?? live, {
      audience,
      signatures: this.signatures(),
      corrections: this.corrections(),
      current: frozen ? live : undefined,
    });
  }

  private signerName(role: 'chair' | 'secretariat', personId: string | undefined, name: string | undefined): string {
    if (role === 'chair') return this.state().persons[personId ?? '']?.name ?? personId ?? '';
    return name ?? 'Sekretariatet';
  }

  /** scrypt, off the event loop (server/store/credentials.ts). */
  private authorized(body: { role: 'chair' | 'secretariat'; personId?: string; password: string }): Promise<boolean> {
    return body.role === 'chair'
      ? checkSecret(this.db, 'chair', body.personId ?? '', body.password)
      : checkSecret(this.db, 'secretariat', 'secretariat', body.password);
  }

  /** § 29, stk. 1: a signature by the chair or the secretariat. */
  async sign(raw: unknown): Promise<{ ok: true; signature: RecordSignature; signed: boolean } | RecordRefusal> {
    const parsed = signSchema.safeParse(raw);
    if (!parsed.success) return refusal(400, 'MALFORMED', '—', `Ugyldig underskrift: ${zodIssues(parsed.error)}`, `Malformed signature: ${zodIssues(parsed.error)}`);
    const body = parsed.data;
    if (!(await this.authorized(body))) return UNAUTHORIZED();
    if (this.state().meeting.status !== 'closed')
      return refusal(409, 'MEETING_NOT_CLOSED', '§ 29', 'Protokollen underskrives, når mødet er hævet.', 'The record is signed once the meeting has been closed.');
    const personId = body.role === 'chair' ? body.personId : null;
    const name = this.signerName(body.role, body.role === 'chair' ? body.personId : undefined, body.role === 'secretariat' ? body.name : undefined);
    const result = this.db.transaction((): RecordRefusal | RecordSignature => {
      const existing = this.signatures();
      const roles = new Set(existing.map((x) => x.role));
      if (roles.has('chair') && roles.has('secretariat'))
        return refusal(409, 'RECORD_SIGNED', '§ 29', 'Protokollen er underskrevet og låst; brug en rettelse.', 'The record is signed and locked; add a correction instead.');
      if (roles.has(body.role))
        return refusal(409, 'ALREADY_SIGNED', '§ 29', 'Denne rolle har allerede underskrevet.', 'This role has already signed.');
      // The first signature fixes the record at the chain's head; the second co-signs that.
      const first = existing[0];
      const head = lastHash(this.db, this.meetingId);
      const anchor = first
        ? { lastSeq: first.lastSeq, lastHash: first.lastHash, setupHash: first.setupHash }
        : { lastSeq: head.seq, lastHash: head.hash, setupHash: setupHash(this.db, this.meetingId) };
      const sig: RecordSignature = {
        role: body.role,
        personId,
        name,
        at: this.clock(),
        ...anchor,
      };
      this.db
        .prepare('INSERT INTO record_signatures (meeting, role, person, name, at, last_seq, last_hash, setup_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
        .run(this.meetingId, sig.role, sig.personId, sig.name, sig.at, sig.lastSeq, sig.lastHash, sig.setupHash);
      // Both have signed: the meeting is signed (shared/term/lifecycle.ts).
      if (first) this.db.prepare("UPDATE meetings SET status = 'signed' WHERE id = ? AND status = 'closed'").run(this.meetingId);
      return sig;
    })();
    if ('ok' in result) return result;
    const roles = new Set(this.signatures().map((x) => x.role));
    return { ok: true, signature: result, signed: roles.has('chair') && roles.has('secretariat') };
  }

  /** A correction: a new, visible entry that states the chain head when it was made. */
  async correct(raw: unknown): Promise<{ ok: true; correction: StoredCorrection } | RecordRefusal> {
    const parsed = correctionSchema.safeParse(raw);
    if (!parsed.success) return refusal(400, 'MALFORMED', '—', `Ugyldig rettelse: ${zodIssues(parsed.error)}`, `Malformed correction: ${zodIssues(parsed.error)}`);
    const body = parsed.data;
    if (!(await this.authorized(body))) return UNAUTHORIZED();
    if (body.itemId && !this.state().items[body.itemId])
      return refusal(400, 'UNKNOWN_ITEM', '§ 20', 'Ukendt punkt.', 'Unknown item.');
    const head = lastHash(this.db, this.meetingId);
    const c: StoredCorrection = {
      id: 0,
      at: this.clock(),
      by: this.signerName(body.role, body.role === 'chair' ? body.personId : undefined, body.role === 'secretariat' ? body.name : undefined),
      byRole: body.role,
      itemId: body.itemId ?? null,
      text: body.text,
      lastSeq: head.seq,
      lastHash: head.hash,
    };
    const info = this.db
      .prepare('INSERT INTO record_corrections (meeting, at, by, by_role, by_person, item_id, text, last_seq, last_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
      .run(this.meetingId, c.at, c.by, c.byRole, body.role === 'chair' ? body.personId : null, c.itemId, c.text, c.lastSeq, c.lastHash);
    c.id = Number(info.lastInsertRowid);
    return { ok: true, correction: c };
  }
}

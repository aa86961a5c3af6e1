import { z } from 'zod';
import { applyInPlace } from '../../shared/engine/apply';
import { createState } from '../../shared/engine/state';
import { buildRecord, type StoredCorrection } from '../../shared/record/build';
import type { Audience, DecisionRecord, RecordSignature } from '../../shared/record/types';
import type { MeetingState, Refusal } from '../../shared/types';
import type { AnyRefusalCode } from '../../shared/refusals';
import type { MeetingService } from '../meeting/service';
import { checkSecret } from '../store/credentials';
import { lastHash, loadSetup, readEvents } from '../store/db';
import { setupHash } from './chain';

// § 29, stk. 1: the chair and the secretary sign the record in the system. Signatures and
// corrections live in their own tables beside the event log (sign-off is not an engine
// action); each row states the chain head it covers. Rows are only ever inserted: the
// database itself refuses UPDATE and DELETE on them.

const SCHEMA = `
CREATE TABLE IF NOT EXISTS record_signatures (
  role TEXT PRIMARY KEY CHECK (role IN ('chair', 'secretariat')),
  person TEXT,
  name TEXT NOT NULL,
  at INTEGER NOT NULL,
  last_seq INTEGER NOT NULL,
  last_hash TEXT NOT NULL,
  setup_hash TEXT NOT NULL
);
CREATE TRIGGER IF NOT EXISTS record_signatures_no_update BEFORE UPDATE ON record_signatures
  BEGIN SELECT RAISE(ABORT, 'a signature is never changed (§ 29)'); END;
CREATE TRIGGER IF NOT EXISTS record_signatures_no_delete BEFORE DELETE ON record_signatures
  BEGIN SELECT RAISE(ABORT, 'a signature is never removed (§ 29)'); END;
CREATE TABLE IF NOT EXISTS record_corrections (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  at INTEGER NOT NULL,
  by TEXT NOT NULL,
  by_role TEXT NOT NULL CHECK (by_role IN ('chair', 'secretariat')),
  by_person TEXT,
  item_id TEXT,
  text TEXT NOT NULL,
  last_seq INTEGER NOT NULL,
  last_hash TEXT NOT NULL
);
CREATE TRIGGER IF NOT EXISTS record_corrections_no_update BEFORE UPDATE ON record_corrections
  BEGIN SELECT RAISE(ABORT, 'a correction is never changed; add a new one (§ 29)'); END;
CREATE TRIGGER IF NOT EXISTS record_corrections_no_delete BEFORE DELETE ON record_corrections
  BEGIN SELECT RAISE(ABORT, 'a correction is never removed; add a new one (§ 29)'); END;
`;

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

function issues(e: z.ZodError): string {
  return e.issues
    .slice(0, 3)
    .map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`)
    .join('; ');
}

export class RecordStore {
  private frozen: { seq: number; state: MeetingState } | null = null;

  constructor(
    readonly service: MeetingService,
    readonly clock: () => number = Date.now,
  ) {
    service.db.exec(SCHEMA);
  }

  get db() {
    return this.service.db;
  }

  signatures(): RecordSignature[] {
    const rows = this.db.prepare('SELECT * FROM record_signatures ORDER BY at, rowid').all() as SignatureRow[];
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
    const rows = this.db.prepare('SELECT * FROM record_corrections ORDER BY id').all() as CorrectionRow[];
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
    if (this.frozen?.seq === first.lastSeq) return this.frozen.state;
    const loaded = loadSetup(this.db);
    if (!loaded) throw new Error('no meeting set-up in the database');
    const s = createState(loaded.setup, loaded.config);
    for (const ev of readEvents(this.db)) {
      if (ev.seq > first.lastSeq) break;
      const r = applyInPlace(s, ev.action, ev.ctx);
      if (!r.ok) throw new Error(`log event ${ev.seq} no longer applies: ${r.code}`);
    }
    this.frozen = { seq: first.lastSeq, state: s };
    return s;
  }

  /** The record for `audience`: frozen once signed, with later additions listed apart. */
  record(audience: Audience): DecisionRecord {
    const frozen = this.frozenState();
    const live = this.service.state;
    return buildRecord(frozen ?? live, {
      audience,
      signatures: this.signatures(),
      corrections: this.corrections(),
      current: frozen ? live : undefined,
    });
  }

  private signerName(role: 'chair' | 'secretariat', personId: string | undefined, name: string | undefined): string {
    if (role === 'chair') return this.service.state.persons[personId ?? '']?.name ?? personId ?? '';
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
    if (!parsed.success) return refusal(400, 'MALFORMED', '—', `Ugyldig underskrift: ${issues(parsed.error)}`, `Malformed signature: ${issues(parsed.error)}`);
    const body = parsed.data;
    if (!(await this.authorized(body))) return UNAUTHORIZED();
    if (this.service.state.meeting.status !== 'closed')
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
      const head = lastHash(this.db);
      const anchor = first
        ? { lastSeq: first.lastSeq, lastHash: first.lastHash, setupHash: first.setupHash }
        : { lastSeq: head.seq, lastHash: head.hash, setupHash: setupHash(this.db) };
      const sig: RecordSignature = {
        role: body.role,
        personId,
        name,
        at: this.clock(),
        ...anchor,
      };
      this.db
        .prepare('INSERT INTO record_signatures (role, person, name, at, last_seq, last_hash, setup_hash) VALUES (?, ?, ?, ?, ?, ?, ?)')
        .run(sig.role, sig.personId, sig.name, sig.at, sig.lastSeq, sig.lastHash, sig.setupHash);
      return sig;
    })();
    if ('ok' in result) return result;
    const roles = new Set(this.signatures().map((x) => x.role));
    return { ok: true, signature: result, signed: roles.has('chair') && roles.has('secretariat') };
  }

  /** A correction: a new, visible entry that states the chain head when it was made. */
  async correct(raw: unknown): Promise<{ ok: true; correction: StoredCorrection } | RecordRefusal> {
    const parsed = correctionSchema.safeParse(raw);
    if (!parsed.success) return refusal(400, 'MALFORMED', '—', `Ugyldig rettelse: ${issues(parsed.error)}`, `Malformed correction: ${issues(parsed.error)}`);
    const body = parsed.data;
    if (!(await this.authorized(body))) return UNAUTHORIZED();
    if (body.itemId && !this.service.state.items[body.itemId])
      return refusal(400, 'UNKNOWN_ITEM', '§ 20', 'Ukendt punkt.', 'Unknown item.');
    const head = lastHash(this.db);
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
      .prepare('INSERT INTO record_corrections (at, by, by_role, by_person, item_id, text, last_seq, last_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      .run(c.at, c.by, c.byRole, body.role === 'chair' ? body.personId : null, c.itemId, c.text, c.lastSeq, c.lastHash);
    c.id = Number(info.lastInsertRowid);
    return { ok: true, correction: c };
  }
}

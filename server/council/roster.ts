import type { AckRefusal, CouncilAck, CouncilMessage } from '../../shared/protocol';
import {
  applyRosterChange,
  freeId,
  groupAddSchema,
  groupEditSchema,
  importSchema,
  personAddSchema,
  personEditSchema,
  personRefSchema,
  promoteSchema,
  rosterRefusal,
  seatsSetSchema,
  type Council,
  type RosterChange,
  type RosterRefusal,
} from '../../shared/term/roster';
import type { Person } from '../../shared/types';
import { updateDemoSecrets } from '../demo/credentials';
import { malformed } from '../meeting/malformed';
import { log } from '../ops/log';
import { MINIMUMS } from '../setup/import';
import { resetCodes } from '../store/credentials';
import { councilHash, GENESIS_HASH, getMeta, setMeta, type DB } from '../store/db';
import { rosterFromCsv, rosterFromJson } from './import';

type Answer = CouncilAck | AckRefusal | RosterRefusal;

const CHANGE = { da: 'Ugyldig ændring', en: 'Malformed change' };

/**
 * The council's roster between meetings (shared/term/roster.ts has the rules): members,
 * substitutes, groups and the seat map in meta.council. Every change is stored with its entry
 * in the roster's own hash chain (council_events) in one transaction; a new person's personal
 * code is drawn in the same one and answered once. Meetings take the roster when they go
 * live (server/meeting/term.ts), so the live meeting never changes under the chamber.
 */
export class Roster {
  private listeners: ((msg: CouncilMessage) => void)[] = [];

  constructor(
    readonly db: DB,
    readonly clock: () => number = Date.now,
  ) {}

  /** Told after every change (the secretariat's `council` push). */
  onChange(cb: (msg: CouncilMessage) => void) {
    this.listeners.push(cb);
  }

  council(): Council {
    return getMeta<Council>(this.db, 'council') ?? { chamber: { name: '', seats: [] }, groups: [], persons: [], chairLine: [] };
  }

  /** How many changes the roster's chain holds (the roster's version). */
  seq(): number {
    return (this.db.prepare('SELECT seq FROM council_events ORDER BY seq DESC LIMIT 1').get() as { seq: number } | undefined)?.seq ?? 0;
  }

  get(): CouncilAck {
    return { ok: true, council: this.council(), seq: this.seq() };
  }

  import(payload: unknown): Answer {
    const p = importSchema.safeParse(payload);
    if (!p.success) return malformed(CHANGE, p.error);
    const now = this.council();
    const r = p.data.format === 'csv' ? rosterFromCsv(now, p.data.text) : rosterFromJson(now, p.data.text);
    if (!r.ok) return rosterRefusal('ROSTER_IMPORT_INVALID', undefined, r.problems);
    const before = new Set(now.persons.map((x) => x.id));
    const after = new Set(r.persons.map((x) => x.id));
    const added = r.persons.filter((x) => !before.has(x.id)).map((x) => x.id);
    const left = now.persons.filter((x) => !after.has(x.id)).map((x) => x.id);
    return this.commit({ type: 'council.import', format: p.data.format, groups: r.groups, persons: r.persons, added, left }, added, 'council.import');
  }

  addPerson(payload: unknown): Answer {
    const p = personAddSchema.safeParse(payload);
    if (!p.success) return malformed(CHANGE, p.error);
    const { id, title, seatId, ...rest } = p.data;
    const person: Person = { id: id ?? freeId(this.council().persons.map((x) => x.id), 'p'), ...rest, seatId: seatId ?? null, ...(title ? { title } : {}) };
    const r = this.commit({ type: 'person.add', person }, [person.id], 'person.add');
    return r.ok ? { ...r, personId: person.id, code: r.codes?.[person.id] } : r;
  }

  editPerson(payload: unknown): Answer {
    const p = personEditSchema.safeParse(payload);
    return p.success ? this.commit({ type: 'person.edit', ...p.data }) : malformed(CHANGE, p.error);
  }

  leave(payload: unknown): Answer {
    const p = personRefSchema.safeParse(payload);
    return p.success ? this.commit({ type: 'person.leave', personId: p.data.personId }) : malformed(CHANGE, p.error);
  }

  promote(payload: unknown): Answer {
    const p = promoteSchema.safeParse(payload);
    return p.success ? this.commit({ type: 'substitute.promote', ...p.data }) : malformed(CHANGE, p.error);
  }

  addGroup(payload: unknown): Answer {
    const p = groupAddSchema.safeParse(payload);
    if (!p.success) return malformed(CHANGE, p.error);
    const { id, ...rest } = p.data;
    return this.commit({ type: 'group.add', group: { id: id ?? freeId(this.council().groups.map((g) => g.id), 'g'), ...rest } });
  }

  editGroup(payload: unknown): Answer {
    const p = groupEditSchema.safeParse(payload);
    return p.success ? this.commit({ type: 'group.edit', ...p.data }) : malformed(CHANGE, p.error);
  }

  setSeats(payload: unknown): Answer {
    const p = seatsSetSchema.safeParse(payload);
    if (!p.success) return malformed(CHANGE, p.error);
    const labels = new Map(this.council().chamber.seats.map((s) => [s.id, s.label] as const));
    const seats = p.data.seats.map((s) => ({ id: s.id, label: s.label ?? labels.get(s.id) ?? s.id, x: round(s.x), y: round(s.y) }));
    return this.commit({ type: 'seats.set', seats });
  }

  /**
   * The change applied, stored and chained in one transaction, with new codes for `codesFor`
   * (drawn, stored and written to the provisioning file inside it): all of it, or nothing.
   */
  private commit(change: RosterChange, codesFor: string[] = [], source: 'person.add' | 'council.import' = 'person.add'): Answer {
    const next = applyRosterChange(this.council(), change);
    if (!next.ok) return next;
    let codes: Record<string, string> = {};
    let seq = 0;
    this.db.transaction(() => {
      setMeta(this.db, 'council', next.council);
      const head = this.db.prepare('SELECT seq, hash FROM council_events ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: string } | undefined;
      seq = (head?.seq ?? 0) + 1;
      const prev = head?.hash ?? GENESIS_HASH;
      const at = this.clock();
      const text = JSON.stringify(change);
      this.db.prepare('INSERT INTO council_events (seq, at, change, prev_hash, hash) VALUES (?, ?, ?, ?, ?)').run(seq, at, text, prev, councilHash(prev, seq, at, text));
      if (codesFor.length) codes = resetCodes(this.db, codesFor, MINIMUMS.codeDigits, source);
    })();
    if (codesFor.length) updateDemoSecrets(this.db, { codes });
    log.info({ event: 'council-change', type: change.type, seq }, 'the roster changed');
    const msg: CouncilMessage = { council: next.council, seq };
    for (const cb of this.listeners) cb(msg);
    return { ok: true, council: next.council, seq, ...(codesFor.length ? { codes } : {}) };
  }
}

/** Seat positions kept to a tenth of a map unit: a drag's float noise is not a change worth keeping. */
const round = (v: number) => Math.round(v * 10) / 10;

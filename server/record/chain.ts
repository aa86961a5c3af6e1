import type Database from 'better-sqlite3';
import { sha256 } from '../store/db';

type DB = Database.Database;

/**
 * SHA-256 of a meeting's fixed set-up: the raw text of its set-up and configuration (the
 * meetings table; before the council term, meta.setup and meta.config, copied unchanged).
 * The event chain starts from a fixed genesis hash and so does not cover the set-up (names,
 * groups, agenda); a signature states this hash too, and `verify` prints it.
 */
export function setupHash(db: DB, meetingId: string): string {
  const row = db.prepare('SELECT setup, config FROM meetings WHERE id = ?').get(meetingId) as { setup: string | null; config: string | null } | undefined;
  return sha256(`salen-setup\n${row?.setup ?? ''}\n${row?.config ?? ''}`);
}

export function hasTable(db: DB, name: string): boolean {
  return !!db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name);
}

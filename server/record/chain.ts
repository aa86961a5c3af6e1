import type Database from 'better-sqlite3';
import { sha256 } from '../store/db';

type DB = Database.Database;

/**
 * SHA-256 of the meeting's stored set-up: the raw text of meta.setup and meta.config. The
 * event chain starts from a fixed genesis hash and so does not cover the set-up (names,
 * groups, agenda); a signature states this hash too, and `verify` prints it.
 */
export function setupHash(db: DB): string {
  const get = (key: string) => (db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined)?.value ?? '';
  return sha256(`salen-setup\n${get('setup')}\n${get('config')}`);
}

export function hasTable(db: DB, name: string): boolean {
  return !!db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name);
}

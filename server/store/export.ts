import Database from 'better-sqlite3';
import { existsSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { verifyLog, type VerifyResult } from '../record/verify';
import { syncDir } from '../security/secrets';

// `npm run -s export -- MEETING.sqlite OUT.sqlite` (issue #13): the copy of a meeting to hand
// out beside the signed record. It keeps what `verify` replays and nothing else — the set-up,
// the configuration, the event log, the signatures and corrections — so no credential leaves
// with it: no code or seat-key HMAC, no password hash, no seat session, no server-key check,
// no demo credentials. Kept by name (not removed by name), so a table added later stays out
// until someone decides it belongs in a published copy.

/** The tables a published copy holds. */
export const EXPORTED_TABLES = ['meta', 'meetings', 'events', 'record_signatures', 'record_corrections', 'council_events'] as const;
/** The meta rows it holds: the council's roster and configuration, and which meeting is live. */
export const EXPORTED_META = ['council', 'config', 'live'] as const;

export interface ExportResult {
  out: string;
  tables: string[];
  verify: VerifyResult;
}

/**
 * Writes the copy: an online backup of the source (safe while the server runs on it), then
 * everything but the kept tables and meta rows dropped and the file rebuilt (VACUUM), so no
 * freed page still holds a credential; renamed into place only when whole.
 */
export async function exportMeeting(source: string, out: string): Promise<ExportResult> {
  const src = path.resolve(source);
  const dst = path.resolve(out);
  if (src === dst) throw new Error('the copy must be a new file, not the meeting itself');
  if (existsSync(dst)) throw new Error(`${out} exists already: give a new file name (the export never overwrites)`);
  const db = new Database(src, { readonly: true, fileMustExist: true });
  const tmp = `${dst}.${process.pid}.tmp`;
  try {
    const has = (name: string) => !!db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name);
    if (!has('meta') || !has('events')) throw new Error(`${source} is not a Salen meeting (no meta or events table)`);
    await db.backup(tmp);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  } finally {
    db.close();
  }
  let tables: string[];
  try {
    const copy = new Database(tmp);
    try {
      copy.pragma('journal_mode = DELETE');
      copy.pragma('secure_delete = ON');
      const all = (copy.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as { name: string }[]).map((r) => r.name);
      const keep = new Set<string>(EXPORTED_TABLES);
      copy.transaction(() => {
        for (const name of all) if (!keep.has(name)) copy.exec(`DROP TABLE "${name.replaceAll('"', '""')}"`);
        copy.prepare(`DELETE FROM meta WHERE key NOT IN (${EXPORTED_META.map(() => '?').join(', ')})`).run(...EXPORTED_META);
      })();
      copy.exec('VACUUM');
      tables = all.filter((t) => keep.has(t));
    } finally {
      copy.close();
    }
    renameSync(tmp, dst);
    syncDir(path.dirname(dst));
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
  return { out: dst, tables, verify: verifyLog(dst) };
}

import type { MeetingState } from '../../shared/types';

/**
 * Outputs computed once per meeting version (the record pages and exports; `/api/public` is the open-data feed's own, public-feed.ts):
 * an entry is kept while the live state is the same object at the same version and the extra
 * revision (the record's signatures and corrections, which live beside the log) is unchanged.
 * A new version, a rebuilt state (after a failed commit) or a new revision drops every entry;
 * only the current version's few outputs are ever held.
 */
export class VersionCache {
  private state: MeetingState | null = null;
  private version = -1;
  private revision = -1;
  private entries = new Map<string, unknown>();
  /** How many outputs were computed (not served from the cache). */
  computed = 0;

  constructor(
    private readonly current: () => MeetingState,
    private readonly extraRevision: () => number = () => 0,
  ) {}

  get<T>(key: string, make: () => T): T {
    const s = this.current();
    const rev = this.extraRevision();
    if (s !== this.state || s.version !== this.version || rev !== this.revision) {
      this.entries.clear();
      this.state = s;
      this.version = s.version;
      this.revision = rev;
    }
    if (this.entries.has(key)) return this.entries.get(key) as T;
    const value = make();
    this.computed++;
    this.entries.set(key, value);
    return value;
  }
}

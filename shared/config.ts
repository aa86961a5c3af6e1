// The chamber's numbers are configuration, never literals in rule code: every Danish
// municipal council has its own size and annex (speaking times) to its standing orders.
export interface ChamberConfig {
  /** Number of members of the council (Copenhagen: 55). */
  memberCount: number;
  /** § 15: share of the members that must be present to decide. */
  quorumShare: number;
  /** § 24, stk. 2: share of the members present whose demand forces a roll call. */
  rollCallShare: number;
  /** § 18, stk. 4 and § 20, stk. 1: members whose demand forces a closure or order vote. */
  forceVoteMembers: number;
  /** § 19 and its annex: speaking time in seconds for a first and for a later speech. */
  speakingTime: { firstSeconds: number; laterSeconds: number };
  /**
   * Annex (bilag 1): a short remark [kort bemærkning] to the latest speaker, its length and how
   * many one speech may draw. null: this council has no short remarks (a difference in kind).
   */
  shortRemark: { seconds: number; perSpeech: number } | null;
  /** Annex (bilag 1): a point of order [til forretningsordenen] goes first on the list. null: none. */
  pointOfOrder: { seconds: number } | null;
  /**
   * Annex (bilag 1), optional: speaking time per group per item, in seconds. When a group's time
   * is used its members get no further speech or short remark on the item. null: no budget.
   */
  groupBudgetSeconds: number | null;
  /** § 7: the normal latest end of a meeting, local time "HH:MM". */
  normalEnd: string;
  /** The chamber's time zone, for § 7. */
  timeZone: string;
  /** §§ 15–16: how long a silent seat terminal still counts as present. */
  presenceGraceMs: number;
  /** § 21, stk. 2: hours between two readings, and days for the annual budget. */
  readingGapHours: number;
  budgetReadingGapDays: number;
  /** § 29, stk. 3: a dissent is short. */
  dissentMaxLength: number;
}

export const defaultConfig: ChamberConfig = {
  memberCount: 55,
  quorumShare: 1 / 2,
  rollCallShare: 1 / 3,
  forceVoteMembers: 6,
  speakingTime: { firstSeconds: 300, laterSeconds: 120 },
  shortRemark: { seconds: 60, perSpeech: 2 },
  pointOfOrder: { seconds: 60 },
  groupBudgetSeconds: null,
  normalEnd: '23:00',
  timeZone: 'Europe/Copenhagen',
  presenceGraceMs: 5000,
  readingGapHours: 24,
  budgetReadingGapDays: 21,
  dissentMaxLength: 500,
};

export function makeConfig(partial: Partial<ChamberConfig> = {}): ChamberConfig {
  return {
    ...defaultConfig,
    ...partial,
    speakingTime: { ...defaultConfig.speakingTime, ...(partial.speakingTime ?? {}) },
  };
}

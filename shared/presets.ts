import { defaultConfig, makeConfig, type ChamberConfig } from './config';

// A council's rules as configuration (issue #16, item 8): each preset is a whole ChamberConfig,
// chosen at set-up (`preset` in the set-up file, server/setup/import.ts). The source of each
// number is named beside it; "assumed" marks a number no source at hand gives.

export const PRESET_IDS = ['copenhagen', 'municipal31'] as const;
export type PresetId = (typeof PRESET_IDS)[number];

export interface Preset {
  id: PresetId;
  name: { da: string; en: string };
  config: ChamberConfig;
}

/** Copenhagen's Borgerrepræsentation: the standing orders in ../shared/RULES.md. */
const copenhagen: ChamberConfig = defaultConfig;

/**
 * A typical municipal council [kommunalbestyrelse] of 31 members, the largest size the Local
 * Government Act [kommunestyrelsesloven, KSL] allows outside Copenhagen. Sources:
 * - memberCount 31: KSL § 5, stk. 1 (an odd number, at most 31).
 * - quorumShare 1/2: KSL § 12, stk. 1 (at least half of the members present), as § 15 here.
 * - rollCallShare 1/3: assumed (the same share as Copenhagen's § 24, stk. 2).
 * - forceVoteMembers 4: assumed (Copenhagen's six of 55, scaled to 31 and rounded up).
 * - speakingTime 5 min / 2 min: assumed (KL's model standing orders leave the times to each
 *   council; these are Copenhagen's).
 * - shortRemark 1 min, one per speech: assumed.
 * - pointOfOrder 1 min: assumed.
 * - groupBudgetSeconds none: assumed (a council sets it in its own annex when it wants it).
 * - normalEnd 22:00: assumed.
 * - readingGapHours 24: assumed; budgetReadingGapDays 21: KSL § 38, stk. 1 (two readings of
 *   the budget at least three weeks apart).
 * - presenceGraceMs and dissentMaxLength: the system's own settings, as Copenhagen.
 */
const municipal31: ChamberConfig = makeConfig({
  memberCount: 31,
  quorumShare: 1 / 2,
  rollCallShare: 1 / 3,
  forceVoteMembers: 4,
  speakingTime: { firstSeconds: 300, laterSeconds: 120 },
  shortRemark: { seconds: 60, perSpeech: 1 },
  pointOfOrder: { seconds: 60 },
  groupBudgetSeconds: null,
  normalEnd: '22:00',
  readingGapHours: 24,
  budgetReadingGapDays: 21,
});

export const PRESETS: Record<PresetId, Preset> = {
  copenhagen: { id: 'copenhagen', name: { da: 'Københavns Borgerrepræsentation (55)', en: 'Copenhagen City Council (55)' }, config: copenhagen },
  municipal31: { id: 'municipal31', name: { da: 'Kommunalbestyrelse med 31 medlemmer', en: 'Municipal council of 31 members' }, config: municipal31 },
};

export const isPresetId = (x: unknown): x is PresetId => typeof x === 'string' && (PRESET_IDS as readonly string[]).includes(x);

/** A preset's config with the set-up file's own numbers over it (a nested speaking time merges). */
export function presetConfig(id: PresetId, overrides: Partial<ChamberConfig> = {}): ChamberConfig {
  const base = PRESETS[id].config;
  return {
    ...base,
    ...overrides,
    speakingTime: { ...base.speakingTime, ...(overrides.speakingTime ?? {}) },
  };
}

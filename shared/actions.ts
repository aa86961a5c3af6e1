import { z } from 'zod';
import type { Actor } from './types';

// Payload schemas: the server validates every incoming body with these before the engine
// sees it, so the engine can trust shapes and only judge the rules.
const id = z.string().min(1).max(64);
const text = (max: number) => z.string().trim().min(1).max(max);
const choice = z.enum(['for', 'against', 'abstain']);
const counts = z.object({
  for: z.number().int().min(0).max(10000),
  against: z.number().int().min(0).max(10000),
  abstain: z.number().int().min(0).max(10000),
});

export const subjectSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('proposal'), part: text(200).optional() }),
  z.object({ kind: z.literal('amendment'), amendmentId: id }),
  z.object({ kind: z.literal('reading') }),
  z.object({ kind: z.literal('closure') }),
  z.object({ kind: z.literal('agendaOrder'), order: z.array(id).max(500) }),
  z.object({ kind: z.literal('denyFloor'), personId: id }),
  z.object({ kind: z.literal('disqualification'), personId: id }),
  z.object({ kind: z.literal('referral'), committee: text(200) }),
  z.object({ kind: z.literal('postpone') }),
  z.object({ kind: z.literal('motion'), motionId: id }),
]);

export const itemSetupSchema = z.object({
  id,
  title: text(300),
  text: z.string().max(20000),
  kind: z.enum(['proposal', 'budget', 'question', 'memberProposal', 'election', 'report', 'other']),
  doors: z.enum(['open', 'closed']),
  closedReason: z.string().max(2000).optional(),
  readings: z.union([z.literal(1), z.literal(2)]).optional(),
  proposal: z.string().max(5000).optional(),
  speakingTime: z
    .object({ firstSeconds: z.number().int().min(10).max(3600), laterSeconds: z.number().int().min(10).max(3600) })
    .optional(),
  groupBudgetSeconds: z.number().int().min(10).max(36000).nullable().optional(),
  amendmentDeadline: z.number().int().min(0).optional(),
  urgentReason: z.string().max(2000).optional(),
  // § 14: only web links (no javascript: or data: address reaches a member's screen).
  caseLinks: z
    .array(z.object({ title: text(200), url: z.string().max(2000).regex(/^https?:\/\/[^\s]+$/i) }).strict())
    .max(20)
    .optional(),
});

const a = <T extends string, S extends z.ZodRawShape>(type: T, shape: S) =>
  z.object({ type: z.literal(type), ...shape }).strict();

export const actionBodySchema = z.discriminatedUnion('type', [
  // Meeting (§§ 1, 7, 18)
  a('meeting.open', {}),
  a('meeting.suspend', {}),
  a('meeting.resume', {}),
  a('meeting.close', {}),
  a('gallery.blank', { blank: z.boolean() }),
  a('clock.tick', {}),
  // Chair (§ 18, stk. 2)
  a('chair.handOver', { to: id }),
  a('chair.assume', {}),
  a('chair.appointTemporary', { personId: id }),
  // Presence and seats (§§ 8, 15–17)
  a('presence.checkIn', {}),
  a('presence.checkOut', {}),
  a('seat.offline', { seatId: id }),
  a('seat.online', { seatId: id }),
  a('substitute.callIn', { memberId: id, substituteId: id }),
  a('substitute.release', { memberId: id }),
  // Agenda (§§ 2, 9, 18, 20, 21, 26)
  a('agenda.add', { item: itemSetupSchema }),
  a('agenda.reorder', { order: z.array(id).max(500), reason: z.string().max(500).optional() }),
  a('agenda.demandOrderVote', {}),
  a('item.start', { itemId: id }),
  a('item.finish', {}),
  a('item.postpone', { proposedBy: id.optional() }),
  a('item.refer', { committee: text(200) }),
  a('item.reopen', { itemId: id, reason: z.string().max(2000) }),
  a('item.setDoors', { itemId: id, doors: z.enum(['open', 'closed']), reason: z.string().max(2000).optional() }),
  // Procedural motions put to the council (§ 26, stk. 2; § 18, stk. 5; § 20, stk. 3)
  a('motion.propose', {
    motion: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('referral'), committee: text(200) }).strict(),
      z.object({ kind: z.literal('postponement'), reason: z.string().trim().max(2000).optional() }).strict(),
      z.object({ kind: z.literal('reopening'), itemId: id, reason: z.string().trim().max(2000) }).strict(),
    ]),
  }),
  a('motion.withdraw', {}),
  // Speaker list (§ 19)
  a('floor.request', {}),
  a('floor.withdraw', { kind: z.enum(['speech', 'remark', 'order']).optional() }),
  // Annex (bilag 1): a short remark to the latest speech, a point of order.
  a('floor.requestRemark', {}),
  a('floor.requestOrder', {}),
  a('floor.give', {}),
  a('floor.end', {}),
  a('floor.yield', {}),
  a('floor.move', { personId: id, toIndex: z.number().int().min(0).max(1000), reason: z.string().max(500) }),
  // Order and closure (§ 18, stk. 3–4)
  a('order.call', { personId: id }),
  a('closure.demand', {}),
  // Votes (§ 24)
  a('rollCall.demand', {}),
  a('division.demand', {}),
  a('division.withdraw', {}),
  a('division.setParts', { parts: z.array(text(2000)).max(30) }),
  a('vote.open', {
    point: text(2000),
    subject: subjectSchema,
    mode: z.enum(['electronic', 'rollCall', 'manual']).optional(),
  }),
  a('vote.cast', { choice }),
  a('vote.switchToRollCall', {}),
  a('vote.close', {}),
  a('vote.manualResult', { counts, counterCheck: counts }),
  a('declaration.make', { point: text(2000), subject: subjectSchema, expected: z.enum(['adopted', 'rejected']) }),
  a('declaration.demandVote', {}),
  a('declaration.confirm', {}),
  // Amendments (§ 25)
  a('amendment.submit', { text: text(5000), parentId: id.optional() }),
  a('amendment.withdraw', { amendmentId: id }),
  a('amendment.order', { order: z.array(id).max(200) }),
  // § 25, stk. 3: an ISO time with its offset, or epoch ms; null lifts the deadline.
  a('item.setAmendmentDeadline', {
    itemId: id,
    deadline: z.union([z.number().int().min(0), z.string().datetime({ offset: true })]).nullable(),
  }),
  // Disqualification (§ 23, stk. 2)
  a('disqualification.notify', { note: z.string().max(1000).optional() }),
  // Elections (§§ 27–28)
  a('election.create', {
    kind: z.enum(['majority', 'proportional']),
    title: text(300),
    candidates: z.array(z.object({ id, name: text(200) })).max(50).optional(),
    seats: z.number().int().min(1).max(100).optional(),
    appointment: z.boolean().optional(),
  }),
  a('election.demandSecret', {}),
  a('election.openRound', {}),
  // A member always names a candidate; the server logs a secret ballot without it (`SealedCast`).
  a('election.cast', { candidateId: id }),
  a('election.closeRound', { tally: z.record(id, z.number().int().min(0).max(100000)).optional() }),
  a('election.voidRound', { reason: z.enum(['restart']) }),
  a('election.drawLot', {}),
  a('election.setLists', {
    lists: z
      .array(z.object({ id, name: text(200), members: z.array(id).max(500), held: z.number().int().min(0).max(100).optional() }))
      .min(1)
      .max(30),
  }),
  a('election.renounce', { listId: id, seats: z.number().int().min(1).max(100) }),
  a('election.declareUnanimous', {}),
  a('election.demandVote', {}),
  a('election.allocate', {}),
  a('election.nameSeat', { pick: z.number().int().min(1).max(100), personId: id }),
  a('election.finish', {}),
  // Record (§ 29)
  a('record.nameVote', { voteId: id }),
  a('record.dissent', { entryId: id, text: z.string().max(5000) }),
]);

export type ActionBody = z.infer<typeof actionBodySchema>;
export type ActionType = ActionBody['type'];
/**
 * § 27, stk. 2: the logged form of a secret ballot — who voted, never for whom. Only the
 * server builds it (server/meeting/service.ts); the schema above is strict, so a client
 * that sends `sealed` (or leaves out `candidateId`) is refused as MALFORMED. Replay and the
 * engine accept it only in an open secret round.
 */
export interface SealedCast {
  type: 'election.cast';
  sealed: true;
  actor: Actor;
}
export type Action = (ActionBody & { actor: Actor }) | SealedCast;
export type ActionOf<T extends ActionType> = Extract<Action, { type: T }>;

export type Role = Actor['role'];

/** Who may send each action; the engine checks the finer rules (acting chair, own seat…). */
export const ACTION_ROLES: Record<ActionType, readonly Role[]> = {
  'meeting.open': ['chair'],
  'meeting.suspend': ['chair'],
  'meeting.resume': ['chair'],
  'meeting.close': ['chair'],
  'gallery.blank': ['chair'],
  'clock.tick': ['system'],
  'chair.handOver': ['chair'],
  'chair.assume': ['chair'],
  'chair.appointTemporary': ['secretariat'],
  'presence.checkIn': ['member'],
  'presence.checkOut': ['member'],
  'seat.offline': ['system'],
  'seat.online': ['system'],
  'substitute.callIn': ['secretariat', 'chair'],
  'substitute.release': ['secretariat', 'chair'],
  'agenda.add': ['chair'],
  'agenda.reorder': ['chair'],
  'agenda.demandOrderVote': ['member'],
  'item.start': ['chair'],
  'item.finish': ['chair'],
  'item.postpone': ['chair'],
  'item.refer': ['chair'],
  'item.reopen': ['chair'],
  'item.setDoors': ['chair'],
  'motion.propose': ['member', 'chair'],
  'motion.withdraw': ['member', 'chair'],
  'floor.request': ['member'],
  'floor.withdraw': ['member'],
  'floor.requestRemark': ['member'],
  'floor.requestOrder': ['member'],
  'floor.give': ['chair'],
  'floor.end': ['chair'],
  'floor.yield': ['member'],
  'floor.move': ['chair'],
  'order.call': ['chair'],
  'closure.demand': ['member'],
  'rollCall.demand': ['member'],
  'division.demand': ['member'],
  'division.withdraw': ['member'],
  'division.setParts': ['chair'],
  'vote.open': ['chair'],
  'vote.cast': ['member'],
  'vote.switchToRollCall': ['chair'],
  'vote.close': ['chair'],
  'vote.manualResult': ['chair'],
  'declaration.make': ['chair'],
  'declaration.demandVote': ['member'],
  'declaration.confirm': ['chair'],
  'amendment.submit': ['member'],
  'amendment.withdraw': ['member'],
  'amendment.order': ['chair'],
  'item.setAmendmentDeadline': ['chair'],
  'disqualification.notify': ['member'],
  'election.create': ['chair'],
  'election.demandSecret': ['member'],
  'election.openRound': ['chair'],
  'election.cast': ['member'],
  'election.closeRound': ['chair'],
  'election.voidRound': ['system'],
  'election.drawLot': ['chair'],
  'election.setLists': ['chair'],
  'election.renounce': ['chair'],
  'election.declareUnanimous': ['chair'],
  'election.demandVote': ['member'],
  'election.allocate': ['chair'],
  'election.nameSeat': ['chair'],
  'election.finish': ['chair'],
  'record.nameVote': ['member'],
  'record.dissent': ['member'],
};

export const ACTION_TYPES = Object.keys(ACTION_ROLES) as ActionType[];

export function parseActionBody(raw: unknown): { ok: true; body: ActionBody } | { ok: false; issues: string } {
  const parsed = actionBodySchema.safeParse(raw);
  if (parsed.success) return { ok: true, body: parsed.data };
  return {
    ok: false,
    issues: parsed.error.issues
      .slice(0, 3)
      .map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`)
      .join('; '),
  };
}

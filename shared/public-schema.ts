/**
 * The open data feed's schemas (docs/open-data.md): the public view (`PublicView` in
 * shared/views.ts, what the gallery shows) and the messages of `GET /api/public/events`.
 * Objects are strict, so a field added to the public view without its schema fails
 * test/server/open-data.test.ts, and docs/open-data.schema.json (generated from these by
 * scripts/open-data-schema.ts) cannot say less than the feed sends. The server does not
 * parse its own output with these; they are the contract for whoever builds on the feed.
 */
import { z } from 'zod';
import type { PublicView } from './views';

const counts = z.strictObject({ for: z.number().int(), against: z.number().int(), abstain: z.number().int() }).describe('Votes for, against and abstaining.');
const choice = z.enum(['for', 'against', 'abstain']);
const voteMode = z.enum(['electronic', 'rollCall', 'manual']);
const subjectKind = z
  .enum(['proposal', 'amendment', 'reading', 'closure', 'agendaOrder', 'denyFloor', 'disqualification', 'referral', 'postpone', 'motion'])
  .describe('What a vote decides.');
const personId = z.string().describe('A person: `members[].id`.');
const part = z
  .strictObject({ number: z.number().int(), of: z.number().int(), text: z.string() })
  .nullable()
  .describe('§ 24, stk. 5: the part of a divided proposal decided — its number in the chair\'s order (1-based; 0 when the chair voted a part of an undivided point), of how many, and its wording; null for a whole point.');

const openItem = z.strictObject({
  closed: z.literal(false),
  id: z.string(),
  number: z.number().int(),
  title: z.string(),
  kind: z.string(),
  status: z.string(),
});
const closedItem = z
  .strictObject({ closed: z.literal(true), number: z.number().int(), status: z.string() })
  .describe('An item behind closed doors (§§ 2–3): its number and status only, never its title or text.');

const currentOpen = z.strictObject({
  closed: z.literal(false),
  id: z.string(),
  number: z.number().int(),
  title: z.string(),
  text: z.string(),
  proposal: z.string().nullable(),
  reading: z.number().int(),
  readings: z.number().int(),
  speaking: z
    .strictObject({ personId, startedAt: z.number().describe('Epoch ms, server clock.'), deadline: z.number().describe('Epoch ms, server clock.'), first: z.boolean(), kind: z.enum(['first', 'later', 'remark', 'order']).describe('Annex (bilag 1): first or later speech, short remark [kort bemærkning], point of order [til forretningsordenen].'), groupLeftMs: z.number().nullable().describe('Annex (bilag 1): the speaker\u2019s group\u2019s time on the item when the speech began; null without a budget.') })
    .nullable(),
  queue: z
    .array(z.strictObject({ personId, kind: z.enum(['speech', 'remark', 'order']), reason: z.enum(['groupFirst', 'order', 'moved', 'pointOfOrder', 'remark']) }))
    .describe('The speakers to come, in order: points of order, then short remarks, then speeches.'),
  groupTime: z
    .strictObject({ budgetMs: z.number(), left: z.record(z.string(), z.number()).describe('By group key (`group:<id>`, `solo:<person>`), from finished speeches.') })
    .nullable()
    .describe('Annex (bilag 1): speaking time per group on the item, when it has a budget.'),
  demands: z.strictObject({ rollCall: z.number().int(), rollCallNeeded: z.number().int(), closure: z.number().int(), closureNeeded: z.number().int() }),
  vote: z
    .strictObject({
      id: z.string(),
      point: z.string(),
      subject: subjectKind,
      amendment: z.strictObject({ label: z.string(), proposer: personId }).nullable(),
      part,
      mode: voteMode,
      voted: z.number().int().describe('How many have voted so far (never how).'),
      eligible: z.number().int(),
      rollCallTurn: personId.nullable(),
    })
    .nullable(),
  declaration: z.strictObject({ point: z.string(), expected: z.enum(['adopted', 'rejected']), demands: z.number().int(), part }).nullable(),
  division: z
    .strictObject({ parts: z.array(z.string()), decided: z.number().int().describe('How many parts are decided; `parts[decided]` is next.') })
    .nullable()
    .describe('§ 24, stk. 5: division of the proposal demanded and its parts worded by the chair, decided one by one in this order.'),
  amendments: z.array(
    z.strictObject({ id: z.string(), label: z.string(), text: z.string(), parentId: z.string().nullable(), proposer: personId, status: z.string() }),
  ),
});

const motion = z
  .strictObject({
    id: z.string(),
    kind: z.enum(['referral', 'postponement', 'reopening']).describe('Direct referral (§ 26, stk. 2), postponement (§ 18, stk. 5), reopening (§ 20, stk. 3).'),
    closed: z.boolean().describe('The item is behind closed doors: only its number and the kind are shown.'),
    itemNumber: z.number().int(),
    itemTitle: z.string().nullable(),
    proposer: personId.nullable(),
    committee: z.string().nullable().describe('Referral: the committee named.'),
    reason: z.string().nullable().describe('The stated reason; for a reopening, the new information relied on.'),
    deciding: z.enum(['proposed', 'vote', 'declaration']),
  })
  .describe("The procedural motion awaiting the council's decision.");

const result = z.strictObject({
  voteId: z.string(),
  itemId: z.string().describe('The decision\'s item.'),
  number: z.number().int().describe("The item's number."),
  title: z.string().describe("The item's title."),
  at: z.number().describe('Server time of the decision (ms since 1970).'),
  point: z.string(),
  subject: subjectKind.nullable(),
  mode: z.enum(['electronic', 'rollCall', 'manual', 'declaration']),
  counts: counts.nullable(),
  adopted: z.boolean(),
  outcome: z.string(),
  seats: z.record(z.string(), choice.nullable()).nullable().describe('Seat id → choice (null: present, did not vote), for a vote that is not secret.'),
  byGroup: z.record(z.string(), counts).nullable(),
});

const majorityElection = z.strictObject({
  id: z.string(),
  kind: z.literal('majority'),
  itemId: z.string(),
  active: z.boolean(),
  title: z.string(),
  secret: z.boolean(),
  status: z.string(),
  candidates: z.array(z.strictObject({ id: z.string(), name: z.string() })),
  rounds: z.array(
    z.strictObject({
      number: z.number().int(),
      candidates: z.array(z.string()),
      status: z.string(),
      voted: z.number().int(),
      presentAtClose: z.number().int().nullable(),
      tally: z.record(z.string(), z.number().int()).nullable(),
    }),
  ),
  voided: z.array(z.strictObject({ number: z.number().int(), voted: z.number().int(), at: z.number(), reason: z.string() })),
  finalists: z.array(z.string()).nullable(),
  pendingLot: z.strictObject({ purpose: z.string(), tied: z.array(z.string()), commitment: z.string() }).nullable(),
  lots: z.array(
    z.strictObject({ purpose: z.string(), tied: z.array(z.string()), winner: z.string(), commitment: z.string(), secret: z.string(), digest: z.string() }),
  ),
  elected: z.string().nullable(),
});

const proportionalElection = z.strictObject({
  id: z.string(),
  kind: z.literal('proportional'),
  itemId: z.string(),
  active: z.boolean(),
  title: z.string(),
  status: z.string(),
  seats: z.number().int(),
  lists: z.array(z.strictObject({ id: z.string(), name: z.string(), weight: z.number(), held: z.number().int(), renounced: z.number().int() })),
  commitment: z.string(),
  secret: z.string().nullable(),
  result: z
    .strictObject({
      seats: z.record(z.string(), z.number().int()),
      order: z.array(z.strictObject({ seat: z.number().int(), group: z.string(), quotient: z.number() })),
    })
    .nullable(),
  lots: z.array(z.strictObject({ tied: z.array(z.string()), winner: z.string(), digest: z.string() })),
  named: z.record(z.string(), z.string()).describe('Seat number → the name of who takes it.'),
});

/** `PublicView` (shared/views.ts): the whole public view, as `GET /api/public` answers and the `view` event carries. */
export const publicViewSchema = z
  .strictObject({
    version: z.number().int().describe("The meeting's version at the view's last change; also the event id."),
    title: z.string(),
    blank: z.boolean().describe('§ 1: the chair cleared the gallery; show nothing but a blank screen.'),
    meeting: z.strictObject({ status: z.enum(['planned', 'open', 'suspended', 'closed']), lateWarned: z.boolean() }),
    chamber: z.strictObject({
      name: z.string(),
      seats: z.array(z.strictObject({ id: z.string(), label: z.string(), x: z.number(), y: z.number() })),
    }),
    groups: z.record(z.string(), z.strictObject({ id: z.string(), letter: z.string(), name: z.string(), color: z.string(), independent: z.boolean() })),
    members: z.array(
      z.strictObject({
        id: z.string(),
        name: z.string(),
        title: z.string().optional().describe('§ 19, stk. 4: a mayor’s official title, named before the name.'),
        groupId: z.string(),
        kind: z.enum(['member', 'substitute']),
      }),
    ),
    chairLine: z.array(personId).describe('§ 18, stk. 2: the chair, then the vice-chairs.'),
    actingChair: personId.nullable(),
    presence: z.record(z.string(), z.strictObject({ personId, online: z.boolean() })).describe('Seat id → who is checked in there.'),
    quorum: z.strictObject({ present: z.number().int(), needed: z.number().int(), met: z.boolean(), memberCount: z.number().int() }),
    agenda: z.array(z.discriminatedUnion('closed', [openItem, closedItem])),
    current: z.union([z.null(), closedItem.omit({ status: true }), currentOpen]).describe('The item on the floor: null, a closed item (its number only), or the open item.'),
    lastResult: result.nullable().describe('The latest decision on an open item.'),
    motion: motion.nullable(),
    elections: z.array(z.discriminatedUnion('kind', [majorityElection, proportionalElection])).describe('Elections on open items (§§ 27–28).'),
  })
  .describe('The public view of a Salen council meeting: what the gallery shows.');

/** A JSON patch of shared/delta.ts: `[path, value]` sets, `[path]` deletes. */
export const patchSchema = z
  .array(z.union([z.tuple([z.array(z.string()), z.unknown()]), z.tuple([z.array(z.string())])]))
  .describe('Operations in order: [path, value] sets the value at path (creating objects along the way); [path] deletes the key. An empty path replaces the whole view.');

/** The data of an SSE `delta` event: the patch from the view of version `base` to `version`. */
export const deltaMessageSchema = z
  .strictObject({ version: z.number().int(), base: z.number().int(), patch: patchSchema })
  .describe('event: delta — apply `patch` to the view of version `base` (the previous event id) to get the view of `version`.');

/** The JSON Schema document: the public view, with the delta message beside it. */
export const openDataSchemas = { PublicView: publicViewSchema, DeltaMessage: deltaMessageSchema };

// The schema and the TypeScript type describe the same object: a change to either alone
// fails the type check.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameShape: Same<z.infer<typeof publicViewSchema>, PublicView> = true;
void sameShape;

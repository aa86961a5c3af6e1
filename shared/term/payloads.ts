import { z } from 'zod';
import { itemSetupSchema } from '../actions';

// The secretariat's term events (docs/protocol.md, "The council's meetings"): validated by
// the server before any rule is asked; unknown fields are refused, so a client cannot slip
// in what only the server sets (a carried item's first reading, a meeting's status).
const id = z.string().min(1).max(64);

const planFields = {
  title: z.string().trim().min(1).max(300),
  /** The meeting's day and start in the chamber's time zone. */
  date: z.string().max(10),
  time: z.string().max(5),
  agenda: z.array(itemSetupSchema).max(200),
  /** § 21: items of earlier meetings whose second reading is held here. */
  carry: z.array(z.object({ meetingId: id, itemId: id }).strict()).max(50).optional(),
  /** § 4, stk. 5: an extraordinary meeting demanded by these members; null: no longer (an update). */
  extraordinary: z.object({ demandedBy: z.array(id).min(1).max(500) }).strict().nullable().optional(),
};

export const meetingPlanSchema = z.object(planFields).strict();
export type MeetingPlan = z.infer<typeof meetingPlanSchema>;

export const meetingUpdateSchema = z
  .object({ meetingId: id, ...planFields })
  .partial()
  .required({ meetingId: true })
  .strict();
export type MeetingUpdate = z.infer<typeof meetingUpdateSchema>;

export const meetingRefSchema = z.object({ meetingId: id }).strict();
export type MeetingRef = z.infer<typeof meetingRefSchema>;

import { allowedActions } from '../../shared/engine/allowed';
import { check } from '../../shared/engine/apply';
import type { ActionBody, Actor, Allowed, MeetingState, Refusal } from '../../shared/index';
import { serverNow } from './store';

// The screens ask the same engine the server runs whether a button may be pressed. The
// engine copies the whole state for each probe, so the history that no probed rule reads
// — the decision record, the chair's log, closed votes — is left out of the copy. (Only
// `record.nameVote` and `record.dissent` read it; the screens never probe those.)
const probes = new WeakMap<MeetingState, MeetingState>();

export function probeState(s: MeetingState): MeetingState {
  let p = probes.get(s);
  if (!p) {
    const active = s.activeVote ? s.votes[s.activeVote] : undefined;
    p = { ...s, record: [], log: [], votes: active ? { [active.id]: active } : {} };
    probes.set(s, p);
  }
  return p;
}

export function allowedFor(s: MeetingState, actor: Actor): Allowed {
  return allowedActions(probeState(s), actor, { now: serverNow() });
}

export function checkFor(s: MeetingState, actor: Actor, body: ActionBody): Refusal | null {
  return check(probeState(s), { ...body, actor } as never, { now: serverNow() });
}

/**
 * The engine's verdicts on concrete bodies for one state and actor, each computed once: a
 * screen probes the same body on every render until the state changes. Kept beside the
 * probe copy, per state object, so a state no screen holds any more takes its verdicts
 * with it.
 */
const verdicts = new WeakMap<MeetingState, Map<string, Refusal | null>>();

export function checkerFor(s: MeetingState, actor: Actor): (body: ActionBody) => Refusal | null {
  let seen = verdicts.get(s);
  if (!seen) verdicts.set(s, (seen = new Map()));
  const who = JSON.stringify(actor);
  const cache = seen;
  return (body) => {
    const k = `${who}|${JSON.stringify(body)}`;
    if (!cache.has(k)) cache.set(k, checkFor(s, actor, body));
    return cache.get(k)!;
  };
}

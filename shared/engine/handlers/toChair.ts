import { RefusalError, refusal, type RefusalCode } from '../../refusals';

/**
 * How a refusal reads on the chair's console, for actions only the chair sends. The code and
 * the paragraph are the catalogue's (shared/refusals.ts); the text speaks to the one who
 * pressed — what stands in the way and what to do first — where the catalogue's text, written
 * for every screen, speaks of "the chair" in the third person or only states a fact.
 */
const TO_CHAIR = {
  SOMEONE_SPEAKING: ['Der er en taler; afslut indlægget først.', 'Someone has the floor; end the speech first.'],
  VOTE_OPEN: ['En afstemning er i gang; luk den først.', 'A vote is in progress; close it first.'],
  DECLARATION_PENDING: [
    'Din erklæring uden afstemning afventer; bekræft den eller sæt den til afstemning først.',
    'Your declaration without a vote is pending; confirm it or put it to a vote first.',
  ],
  NO_DECLARATION: ['Du har ikke erklæret et udfald uden afstemning.', 'You have not declared an outcome without a vote.'],
  AMENDMENT_ORDER: [
    'Sæt først det næste forslag i din afstemningsrækkefølge under afstemning: underændringsforslag før deres ændringsforslag, ændringsforslag før hovedforslaget.',
    'Put the next proposal in your voting order to the vote first: sub-amendments before their amendment, amendments before the main proposal.',
  ],
  ROLL_CALL_REQUIRED: [
    'En tredjedel af de tilstedeværende har krævet navneopråb; vælg navneopråb i stedet for håndsoprækning.',
    'A third of the members present demanded a roll call; choose a roll call instead of a show of hands.',
  ],
  MOVE_NEEDS_REASON: [
    'Du kan flytte en anmodning af praktiske grunde eller for at afslutte en udveksling; angiv grunden.',
    'You may move a request for practical reasons or to finish an exchange; state the reason.',
  ],
  DIVISION_DEMANDED: [
    'Deling er krævet (§ 24, stk. 5); sæt forslaget under afstemning del for del.',
    'Division has been demanded (§ 24, stk. 5); put the proposal to the vote part by part.',
  ],
  DIVISION_NO_PARTS: ['Formulér først delene af afstemningstemaet.', 'Word the parts of the point first.'],
  PART_ORDER: [
    'Sæt den næste del i din rækkefølge under afstemning; alle dele afgøres hver for sig.',
    'Put the next part in your order to the vote; every part is decided on its own.',
  ],
  NO_CURRENT_ITEM: ['Intet punkt er under behandling; start et punkt først.', 'No item is being handled; start an item first.'],
} as const satisfies Partial<Record<RefusalCode, readonly [string, string]>>;

/** `need` for a handler of an action only the chair sends: the refusal in the chair's words. */
export function needChair(condition: unknown, code: keyof typeof TO_CHAIR): asserts condition {
  if (condition) return;
  const [da, en] = TO_CHAIR[code];
  throw new RefusalError({ ...refusal(code), message: { da, en } });
}

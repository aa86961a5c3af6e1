import type { Refusal } from './types';
import type { TermRefusalCode } from './term/lifecycle';
import type { RosterRefusalCode } from './term/roster';

/** Every refusal the engine can give: a stable code, the paragraph it rests on, and text. */
export const REFUSALS = {
  MALFORMED: ['—', 'Ugyldig handling.', 'Malformed action.'],
  UNKNOWN_ACTION: ['—', 'Ukendt handling.', 'Unknown action.'],
  NOT_ACTING_CHAIR: ['§ 18, stk. 1', 'Kun den fungerende forperson kan gøre dette.', 'Only the acting chair may do this.'],
  NOT_SECRETARIAT: ['§ 8', 'Kun sekretariatet kan gøre dette.', 'Only the secretariat may do this.'],
  NOT_SYSTEM: ['—', 'Kun systemet kan gøre dette.', 'Only the system may do this.'],
  WRONG_ROLE: ['§ 16', 'Denne handling hører til en anden rolle.', 'This action belongs to another role.'],
  MEETING_NOT_OPEN: ['§ 15', 'Mødet er ikke åbnet.', 'The meeting is not open.'],
  MEETING_CLOSED: ['§ 7', 'Mødet er hævet.', 'The meeting has been closed.'],
  MEETING_ALREADY_OPEN: ['§ 18, stk. 1', 'Mødet er allerede åbnet.', 'The meeting is already open.'],
  MEETING_NOT_SUSPENDED: ['§ 18, stk. 1', 'Mødet er ikke suspenderet.', 'The meeting is not suspended.'],
  UNKNOWN_PERSON: ['§ 17', 'Ukendt medlem.', 'Unknown member.'],
  UNKNOWN_SEAT: ['§ 17', 'Ukendt plads.', 'Unknown seat.'],
  NOT_OWN_SEAT: ['§ 17', 'Et medlem kan kun melde sig ind på sin egen faste plads.', 'A member may check in only at their own fixed seat.'],
  SEAT_TAKEN: ['§ 17', 'Pladsen er allerede optaget.', 'The seat is already taken.'],
  ALREADY_CHECKED_IN: ['§ 16', 'Medlemmet er allerede meldt ind.', 'The member is already checked in.'],
  NOT_CHECKED_IN: ['§ 16', 'Medlemmet er ikke til stede på sin plads.', 'The member is not present at their seat.'],
  SEAT_OFFLINE: ['§ 16', 'Pladsens terminal svarer ikke; medlemmet regnes ikke som til stede.', 'The seat terminal is not answering; the member does not count as present.'],
  REPLACED_BY_SUBSTITUTE: ['§ 8', 'En stedfortræder er indkaldt for medlemmet og har pladsen.', 'A substitute has been called in for this member and holds the seat.'],
  SUBSTITUTE_NOT_CALLED: ['§ 8', 'Stedfortræderen er ikke indkaldt for nogen plads.', 'The substitute has not been called in for any seat.'],
  MEMBER_PRESENT: ['§ 8', 'Medlemmet er til stede; der kan ikke indkaldes stedfortræder.', 'The member is present; no substitute can be called in.'],
  SUBSTITUTE_BUSY: ['§ 8', 'Stedfortræderen er allerede indkaldt.', 'The substitute has already been called in.'],
  NOT_A_SUBSTITUTE: ['§ 8', 'Personen er ikke stedfortræder.', 'The person is not a substitute.'],
  NO_SUBSTITUTE: ['§ 8', 'Der er ingen stedfortræder indkaldt for medlemmet.', 'No substitute is called in for this member.'],
  SUBSTITUTE_SEATED: ['§ 8', 'Stedfortræderen sidder på pladsen; meld ud først.', 'The substitute is seated; check out first.'],
  NO_QUORUM: ['§ 15', 'Rådet er ikke beslutningsdygtigt: under halvdelen af medlemmerne er til stede.', 'No quorum: fewer than half of the members are present.'],
  NOT_IN_CHAIR_LINE: ['§ 18, stk. 2', 'Personen er ikke forperson eller næstforperson.', 'The person is not the chair or a vice-chair.'],
  CHAIR_PRESENT_BEFORE: ['§ 18, stk. 2', 'En før i rækken af forpersoner er til stede og har forrang.', 'Someone earlier in the line of chairs is present and comes first.'],
  CHAIR_NOT_PRESENT: ['§ 18, stk. 2', 'Den nye forperson skal være til stede.', 'The new chair must be present.'],
  CHAIR_LINE_PRESENT: ['§ 18, stk. 2', 'Forpersonen eller en næstforperson er til stede; der vælges ikke midlertidig forperson.', 'The chair or a vice-chair is present; no temporary chair is elected.'],
  UNKNOWN_ITEM: ['§ 20', 'Ukendt punkt.', 'Unknown item.'],
  DUPLICATE_ITEM: ['§ 9', 'Der findes allerede et punkt med det id.', 'An item with that id already exists.'],
  CLOSED_REASON_REQUIRED: ['§ 2, stk. 4', 'Et punkt for lukkede døre skal have en skriftlig begrundelse.', 'A closed item needs a written reason.'],
  CLOSED_NOT_LAST: ['§ 2, stk. 6', 'Lukkede punkter placeres sidst, medmindre forpersonen bestemmer andet med en begrundelse.', 'Closed items go last unless the chair orders otherwise, with a reason.'],
  BAD_ORDER: ['§ 20, stk. 1', 'Rækkefølgen skal indeholde hvert punkt præcis én gang.', 'The order must name each item exactly once.'],
  ORDER_VOTE_DEMANDED: ['§ 20, stk. 1', 'Seks medlemmer har krævet afstemning om rækkefølgen; rådet bestemmer den.', 'Six members demanded a vote on the order; the council decides it.'],
  ITEM_ACTIVE: ['§ 20, stk. 1', 'Et andet punkt behandles; afslut det først.', 'Another item is being handled; finish it first.'],
  NO_CURRENT_ITEM: ['§ 20, stk. 1', 'Intet punkt er under behandling.', 'No item is being handled.'],
  ITEM_NOT_PENDING: ['§ 20, stk. 3', 'Punktet er ikke til behandling.', 'The item is not awaiting handling.'],
  ITEM_NOT_FINISHED: ['§ 20, stk. 3', 'Kun et færdigbehandlet punkt kan genoptages.', 'Only a finished item can be reopened.'],
  REOPEN_NEEDS_NEW_INFO: ['§ 20, stk. 3', 'Et færdigbehandlet punkt genoptages kun ved afgørende nye oplysninger; angiv dem.', 'A finished item is reopened only on decisive new information; state it.'],
  REFERRAL_MOTION_PENDING: ['§ 26, stk. 2', 'Et forslag om direkte henvisning til et udvalg standser forhandlingen, indtil rådet har truffet beslutning om det.', 'A motion for direct referral to a committee stops the debate until the council has decided it.'],
  POSTPONEMENT_MOTION_PENDING: ['§ 18, stk. 5', 'Et forslag om at udsætte forhandlingen afventer rådets beslutning; det afgøres først.', 'A motion to postpone the debate awaits the council\u2019s decision; it is decided first.'],
  REOPENING_MOTION_PENDING: ['§ 20, stk. 3', 'Et forslag om at genoptage et færdigbehandlet punkt afventer rådets beslutning; det afgøres først.', 'A motion to reopen a finished item awaits the council\u2019s decision; it is decided first.'],
  NO_MOTION: ['§ 18, stk. 4', 'Intet forslag afventer rådets beslutning.', 'No motion awaits the council\u2019s decision.'],
  NOT_MOTION_PROPOSER: ['§ 18, stk. 4', 'Kun forslagsstilleren kan trække forslaget tilbage.', 'Only the proposer may withdraw the motion.'],
  MOTION_BEING_DECIDED: ['§ 24, stk. 4', 'Forslaget er sat under afstemning eller erklæret afgjort og kan ikke længere trækkes tilbage.', 'The motion has been put to a vote or declared and can no longer be withdrawn.'],
  READING_GAP: ['§ 21, stk. 2', 'Der skal gå mindst 24 timer mellem to behandlinger (tre uger for budgettet).', 'At least 24 hours must pass between readings (three weeks for the budget).'],
  FIRST_READING_ONLY: ['§ 21, stk. 3', 'Ved første behandling stemmes kun om overgang til anden behandling.', 'At a first reading the only vote is on passing to the second reading.'],
  NOT_FIRST_READING: ['§ 21, stk. 3', 'Overgang til anden behandling stemmes kun ved første behandling.', 'Passing to a second reading is voted only at a first reading.'],
  VOTE_OPEN: ['§ 24, stk. 1', 'En afstemning er i gang.', 'A vote is in progress.'],
  NO_VOTE_OPEN: ['§ 24, stk. 1', 'Ingen afstemning er i gang.', 'No vote is in progress.'],
  VOTE_CLOSED: ['§ 24, stk. 1', 'Afstemningen er afsluttet.', 'The vote is closed.'],
  UNKNOWN_VOTE: ['§ 24', 'Ukendt afstemning.', 'Unknown vote.'],
  NOT_YOUR_TURN: ['§ 24, stk. 2', 'Ved navneopråb stemmer medlemmerne, når de kaldes op.', 'In a roll call members vote when called.'],
  ROLL_CALL_REQUIRED: ['§ 24, stk. 2', 'En tredjedel af de tilstedeværende har krævet navneopråb.', 'A third of the members present demanded a roll call.'],
  ALREADY_ROLL_CALL: ['§ 24, stk. 2', 'Afstemningen er allerede ved navneopråb.', 'The vote is already a roll call.'],
  NOT_MANUAL: ['§ 24, stk. 1', 'Afstemningen er ikke ved håndsoprækning.', 'The vote is not by show of hands.'],
  MANUAL_NEEDS_COUNTS: ['§ 24, stk. 1', 'Afstemning ved håndsoprækning afsluttes med optælling og kontraprøve.', 'A show of hands is closed with counts and a counter-check.'],
  COUNTER_CHECK_MISMATCH: ['§ 24, stk. 1', 'Kontraprøven stemmer ikke med optællingen; tæl igen.', 'The counter-check does not match the count; count again.'],
  COUNTS_EXCEED_PRESENT: ['§ 16', 'Der er talt flere stemmer end medlemmer til stede.', 'More votes were counted than members present.'],
  DEMAND_AFTER_VOTE_BEGAN: ['§ 24, stk. 2', 'Kravet skal fremsættes, før afstemningen begynder.', 'The demand must be made before the vote begins.'],
  AMENDMENT_DEADLINE_PASSED: ['§ 25, stk. 3', 'Fristen for ændringsforslag til dette punkt er udløbet.', 'The deadline for amendments to this item has passed.'],
  DEADLINE_TWO_READINGS_ONLY: ['§ 25, stk. 3', 'En frist for ændringsforslag kan kun sættes for sager med to behandlinger.', 'An amendment deadline can be set only for items with two readings.'],
  DEADLINE_ITEM_DONE: ['§ 25, stk. 3', 'Punktet er færdigbehandlet; fristen kan ikke ændres.', 'The item is finished; its deadline cannot be changed.'],
  DIVISION_AFTER_VOTE_BEGAN: ['§ 24, stk. 5', 'Deling af et afstemningstema kan kræves, indtil afstemningen er begyndt.', 'Division of a point may be demanded until the vote has begun.'],
  DIVISION_NOT_DEMANDED: ['§ 24, stk. 5', 'Medlemmet har ikke krævet deling af afstemningstemaet.', 'The member has not demanded division of the point.'],
  NO_DIVISION: ['§ 24, stk. 5', 'Ingen har krævet deling af afstemningstemaet.', 'Nobody has demanded division of the point.'],
  DIVISION_DEMANDED: ['§ 24, stk. 5', 'Deling er krævet; forslaget kan ikke sættes under afstemning som helhed, kun del for del.', 'Division has been demanded; the proposal cannot be voted as a whole, only part by part.'],
  DIVISION_NO_PARTS: ['§ 24, stk. 5', 'Forpersonen har endnu ikke formuleret delene af afstemningstemaet.', 'The chair has not yet worded the parts of the point.'],
  DIVISION_BAD_PARTS: ['§ 24, stk. 5', 'Et delt afstemningstema har mindst to forskellige dele.', 'A divided point has at least two different parts.'],
  DIVISION_VOTING_BEGUN: ['§ 24, stk. 5', 'Afstemningen om delene er begyndt; delingen kan ikke længere ændres eller trækkes tilbage.', 'Voting on the parts has begun; the division can no longer be changed or withdrawn.'],
  PART_ORDER: ['§ 24, stk. 5', 'Delene afgøres hver for sig i forpersonens rækkefølge.', 'The parts are decided one by one in the chair\u2019s order.'],
  ALREADY_DEMANDED: ['§ 24', 'Medlemmet har allerede fremsat kravet.', 'The member has already made this demand.'],
  NO_DECLARATION: ['§ 24, stk. 4', 'Forpersonen har ikke erklæret et udfald uden afstemning.', 'The chair has not declared an outcome without a vote.'],
  DECLARATION_PENDING: ['§ 24, stk. 4', 'Forpersonens erklæring uden afstemning afventer.', 'The chair\u2019s declaration without a vote is pending.'],
  VOTE_DEMANDED: ['§ 24, stk. 4', 'Et medlem har krævet afstemning; punktet afgøres ved afstemning.', 'A member demanded a vote; the point is decided by a vote.'],
  DISQUALIFIED: ['§ 23', 'Medlemmet er inhabilt i dette punkt og deltager ikke i forhandling og afstemning.', 'The member is disqualified on this item and takes no part in its debate and vote.'],
  FLOOR_DENIED: ['§ 18, stk. 3', 'Medlemmet er nægtet ordet for resten af mødet.', 'The member has been denied the floor for the rest of the meeting.'],
  DEBATE_CLOSED: ['§ 18, stk. 4', 'Forhandlingen er afsluttet.', 'The debate has been closed.'],
  ALREADY_REQUESTED: ['§ 19, stk. 1', 'Medlemmet står allerede på talerlisten.', 'The member is already on the speaker list.'],
  NOT_REQUESTED: ['§ 19, stk. 1', 'Medlemmet står ikke på talerlisten.', 'The member is not on the speaker list.'],
  SPEAKER_LIST_EMPTY: ['§ 19, stk. 1', 'Ingen har bedt om ordet.', 'Nobody has asked for the floor.'],
  SOMEONE_SPEAKING: ['§ 19, stk. 3', 'Der er en taler; kun forpersonen kan afbryde.', 'Someone has the floor; only the chair may interrupt.'],
  NOBODY_SPEAKING: ['§ 19', 'Ingen har ordet.', 'Nobody has the floor.'],
  NOT_SPEAKER: ['§ 19, stk. 3', 'Kun forpersonen kan afbryde en taler.', 'Only the chair may interrupt a speaker.'],
  MOVE_NEEDS_REASON: ['§ 19, stk. 2', 'Forpersonen kan ændre rækkefølgen af praktiske grunde eller for at afslutte en udveksling; angiv grunden.', 'The chair may change the order for practical reasons or to finish an exchange; state the reason.'],
  KIND_NOT_USED: ['§ 19, stk. 2, bilag 1', 'Rådets forretningsorden har ikke denne slags indlæg.', 'This council\u2019s standing orders have no such kind of speech.'],
  NO_SPEECH_TO_REMARK: ['§ 19, stk. 2, bilag 1', 'En kort bemærkning gives til et indlæg; ingen har haft ordet til punktet endnu.', 'A short remark answers a speech; nobody has spoken on the item yet.'],
  REMARK_OWN_SPEECH: ['§ 19, stk. 2, bilag 1', 'Man kan ikke give en kort bemærkning til sit eget indlæg.', 'A member cannot make a short remark to their own speech.'],
  REMARK_ONCE: ['§ 19, stk. 2, bilag 1', 'Medlemmet har allerede bedt om en kort bemærkning til dette indlæg.', 'The member has already asked for a short remark to this speech.'],
  REMARKS_FULL: ['§ 19, stk. 2, bilag 1', 'Indlægget har fået det højeste antal korte bemærkninger.', 'The speech has drawn the most short remarks allowed.'],
  GROUP_TIME_USED: ['§ 19, stk. 2, bilag 1', 'Gruppens taletid på dette punkt er brugt.', 'The group\u2019s speaking time on this item is used.'],
  BAD_INDEX: ['§ 19, stk. 2', 'Ugyldig plads på talerlisten.', 'Invalid place on the speaker list.'],
  CLOSURE_BEFORE_ALL_SPOKE: ['§ 18, stk. 4', 'Der kan ikke stemmes om afslutning, før alle der har bedt om ordet, har haft det én gang.', 'No closure vote before everyone who asked for the floor has had it once.'],
  NEEDS_SECOND_CALL: ['§ 18, stk. 3', 'Medlemmet skal være kaldt til orden to gange, før ordet kan nægtes.', 'The member must have been called to order twice before the floor can be denied.'],
  AMENDMENTS_CLOSED: ['§ 25, stk. 1', 'Ændringsforslag kan kun stilles, indtil afstemningen begynder.', 'Amendments can be made only until the vote begins.'],
  UNKNOWN_AMENDMENT: ['§ 25', 'Ukendt ændringsforslag.', 'Unknown amendment.'],
  NOT_PROPOSER: ['§ 25', 'Kun forslagsstilleren kan trække forslaget tilbage.', 'Only the proposer may withdraw the amendment.'],
  AMENDMENT_NOT_PENDING: ['§ 25', 'Ændringsforslaget er ikke til afstemning.', 'The amendment is not awaiting a vote.'],
  AMENDMENT_ORDER: ['§ 25, stk. 4', 'Underændringsforslag afgøres før deres ændringsforslag, og ændringsforslag før hovedforslaget, i forpersonens rækkefølge.', 'Sub-amendments are decided before their amendment and amendments before the main proposal, in the chair\u2019s order.'],
  NESTING_TOO_DEEP: ['§ 25', 'Et underændringsforslag kan ikke selv ændres.', 'A sub-amendment cannot itself be amended.'],
  NOT_A_VOTER: ['§ 29, stk. 2', 'Medlemmet stemte ikke i denne afstemning.', 'The member did not vote in this vote.'],
  UNKNOWN_ENTRY: ['§ 29', 'Ukendt beslutning i protokollen.', 'Unknown entry in the record.'],
  DISSENT_TOO_LONG: ['§ 29, stk. 3', 'En mindretalsudtalelse skal være kort.', 'A dissent must be short.'],
  EMPTY_TEXT: ['§ 18, stk. 1', 'Teksten må ikke være tom.', 'The text must not be empty.'],
  NOTHING_DUE: ['§ 7', 'Intet at melde.', 'Nothing is due.'],
  UNKNOWN_ELECTION: ['§ 27', 'Intet valg er i gang.', 'No election is in progress.'],
  ELECTION_ACTIVE: ['§ 27', 'Et valg er i gang; afslut det først.', 'An election is in progress; finish it first.'],
  ELECTION_KIND: ['§ 27', 'Handlingen hører til en anden slags valg.', 'This action belongs to another kind of election.'],
  NEEDS_CANDIDATES: ['§ 27, stk. 1', 'Et flertalsvalg kræver mindst én kandidat.', 'A majority election needs at least one candidate.'],
  NEEDS_SEATS: ['§ 28, stk. 1', 'Et forholdstalsvalg kræver antallet af pladser.', 'A proportional election needs the number of seats.'],
  ROUND_OPEN: ['§ 27, stk. 1', 'En valgrunde er i gang.', 'A round is in progress.'],
  NO_ROUND_OPEN: ['§ 27, stk. 1', 'Ingen valgrunde er i gang.', 'No round is in progress.'],
  ELECTION_UNDECIDED: ['§ 27, stk. 1', 'Valget er ikke afgjort.', 'The election is not decided.'],
  ELECTION_DECIDED: ['§ 27, stk. 1', 'Valget er afgjort.', 'The election is decided.'],
  LOT_PENDING: ['§ 27, stk. 1', 'Lodtrækningen skal foretages først.', 'The lot must be drawn first.'],
  NO_LOT: ['§ 27, stk. 1', 'Der skal ikke trækkes lod.', 'No lot is to be drawn.'],
  UNKNOWN_CANDIDATE: ['§ 27, stk. 1', 'Kandidaten er ikke opstillet i denne runde.', 'The candidate is not standing in this round.'],
  ALREADY_VOTED: ['§ 27, stk. 1', 'Medlemmet har allerede stemt i denne runde.', 'The member has already voted in this round.'],
  SECRET_AFTER_START: ['§ 27, stk. 2', 'Skriftlig afstemning kræves, før valget begynder.', 'A written ballot is demanded before the election begins.'],
  TALLY_MISMATCH: ['§ 27, stk. 2', 'Optællingen stemmer ikke med antallet af afgivne stemmesedler.', 'The count does not match the number of ballots cast.'],
  BAD_LISTS: ['§ 28, stk. 2', 'Listerne skal bestå af kendte medlemmer, hver på højst én liste.', 'Lists must hold known members, each on one list at most.'],
  UNKNOWN_LIST: ['§ 28', 'Ukendt liste.', 'Unknown list.'],
  NOT_ALLOCATED: ['§ 28, stk. 1', 'Pladserne er ikke fordelt endnu.', 'The seats have not been allocated yet.'],
  ALREADY_ALLOCATED: ['§ 28, stk. 1', 'Pladserne er allerede fordelt.', 'The seats are already allocated.'],
  WRONG_LIST: ['§ 28, stk. 7', 'Pladsen besættes af den gruppe, der har den.', 'The seat is filled by the group that holds it.'],
  NO_WEIGHT: ['§ 28, stk. 1', 'Ingen liste har medlemmer til stede.', 'No list has members present.'],
} as const satisfies Record<string, readonly [string, string, string]>;

export type RefusalCode = keyof typeof REFUSALS;

/**
 * Refusals given by the transport, before or beside the engine (server/transport): the wire,
 * the handshake's identity and the seat terminal's code. Same shape; the texts here are the
 * general ones, a refusal may say more (docs/protocol.md lists when each is given).
 */
export const TRANSPORT_REFUSALS = {
  MALFORMED: ['—', 'Ugyldig besked.', 'Malformed message.'],
  TOO_LARGE: ['—', 'Beskeden er for stor.', 'The message is too large.'],
  TOO_DEEP: ['—', 'Beskeden er for dybt indlejret.', 'The message is nested too deeply.'],
  UNKNOWN_EVENT: ['—', 'Ukendt hændelse.', 'Unknown event.'],
  RATE_LIMITED: ['—', 'For mange henvendelser; vent et øjeblik.', 'Too many messages; wait a moment.'],
  REPLAYED: ['—', 'Handlingen er allerede modtaget.', 'This action was already received.'],
  INTERNAL: ['—', 'Intern fejl; intet er ændret.', 'Internal error; nothing was changed.'],
  UNAUTHORIZED: ['§ 1', 'Offentligheden kan ikke handle.', 'The public cannot act.'],
  NOT_CHECKED_IN: ['§ 16', 'Denne terminal er ikke meldt ind; indtast din personlige kode.', 'This terminal is not checked in; enter your personal code.'],
  BAD_CODE: ['§ 16', 'Koden gælder ikke på denne plads.', 'The code is not valid at this seat.'],
  SEAT_LOCKED: ['§ 16', 'For mange forkerte koder; pladsen er låst et stykke tid.', 'Too many wrong codes; the seat is locked for a while.'],
  WRONG_ROLE: ['§ 16', 'Kun en pladsterminal kan melde ind.', 'Only a seat terminal checks in.'],
  NOT_SECRETARIAT: ['§ 8', 'Kun sekretariatet kan gøre dette.', 'Only the secretariat may do this.'],
  UNKNOWN_SEAT: ['§ 17', 'Ukendt plads.', 'Unknown seat.'],
  UNKNOWN_PERSON: ['§ 17', 'Ukendt medlem.', 'Unknown member.'],
} as const satisfies Record<string, readonly [string, string, string]>;

export type TransportRefusalCode = keyof typeof TRANSPORT_REFUSALS;

/**
 * Refusals no handler of the standing orders gives: the ones a screen gives itself (the
 * action was never sent, or its answer never came) and the HTTP routes' own.
 */
export const LOCAL_REFUSALS = {
  OFFLINE: ['—', 'Ingen forbindelse til serveren — handlingen er ikke sendt.', 'No connection to the server — the action was not sent.'],
  TIMEOUT: ['—', 'Serveren svarede ikke i tide. Se skærmen, før du trykker igen.', 'The server did not answer in time. Check the screen before pressing again.'],
  NOT_FOUND: ['—', 'Ikke fundet.', 'Not found.'],
  MEETING_NOT_CLOSED: ['§ 29', 'Protokollen underskrives, når mødet er hævet.', 'The record is signed once the meeting has been closed.'],
  RECORD_SIGNED: ['§ 29', 'Protokollen er underskrevet og låst; brug en rettelse.', 'The record is signed and locked; add a correction instead.'],
  ALREADY_SIGNED: ['§ 29', 'Denne rolle har allerede underskrevet.', 'This role has already signed.'],
  NO_DEMO_CREDENTIALS: ['—', 'Databasen har ingen gemte demo-adgangskoder; slet den for en ny demo.', 'This database keeps no demo credentials; delete it for a fresh demo.'],
} as const satisfies Record<string, readonly [string, string, string]>;

export type LocalRefusalCode = keyof typeof LOCAL_REFUSALS;

/** Every code a Refusal can carry: one catalogue of them, so a screen can switch on a code. */
export type AnyRefusalCode = RefusalCode | TransportRefusalCode | LocalRefusalCode | TermRefusalCode | RosterRefusalCode;

/** A catalogue's entry as a refusal: its code, paragraph and texts, with a detail after each text. */
export function fromCatalogue<C extends string>(catalogue: Record<C, readonly [string, string, string]>, code: C, detail?: { da: string; en: string }) {
  const [paragraph, da, en] = catalogue[code];
  return { ok: false as const, code, paragraph, message: detail ? { da: `${da} ${detail.da}`, en: `${en} ${detail.en}` } : { da, en } };
}

export function refusal(code: RefusalCode, detail?: { da: string; en: string }): Refusal {
  return fromCatalogue(REFUSALS, code, detail);
}

/** Thrown inside the engine to abort an action; caught by `apply`, never escapes it. */
export class RefusalError extends Error {
  constructor(readonly refusal: Refusal) {
    super(refusal.code);
  }
}

export function refuse(code: RefusalCode, detail?: { da: string; en: string }): never {
  throw new RefusalError(refusal(code, detail));
}

/** Guard: refuse with `code` unless `condition` holds. */
export function need(condition: unknown, code: RefusalCode, detail?: { da: string; en: string }): asserts condition {
  if (!condition) refuse(code, detail);
}

/** A member makes a demand once; the refusal cites the paragraph the demand rests on. */
export function once(list: readonly string[], me: string, paragraph: string) {
  if (list.includes(me)) throw new RefusalError({ ...refusal('ALREADY_DEMANDED'), paragraph });
}

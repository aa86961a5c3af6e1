import type { Choice, SpeechKind } from '../types';
import { csvField, votesCsv, VOTES_CSV_COLUMNS } from './csv';
import type { DecisionRecord, ItemOutcome, RecordDecision, RecordSubject } from './types';

export type Lang = 'da' | 'en';

/**
 * The details the engine writes into the log (language-neutral there, in English words, so
 * the log reads the same whatever the screens' language): the record's words for each.
 */
const ENGINE_DETAILS: { match: RegExp; da: string; en: string }[] = [
  // § 27: the round that decided a majority election.
  { match: /^round (\d+)$/, da: 'runde $1', en: 'round $1' },
  // § 28: how a proportional election's seats were allocated.
  { match: /^D'Hondt \(§ 28, stk\. 1\)$/, da: "d'Hondts metode (§ 28, stk. 1)", en: "D'Hondt (§ 28(1))" },
  { match: /^unanimous list \(§ 28, stk\. 5\)$/, da: 'enstemmig liste, ingen krævede valg (§ 28, stk. 5)', en: 'unanimous list, no member demanded an election (§ 28(5))' },
];

function engineDetail(text: string, lang: Lang): string {
  const d = ENGINE_DETAILS.find((x) => x.match.test(text));
  return d ? text.replace(d.match, d[lang]) : text;
}

type CsvColumn = (typeof VOTES_CSV_COLUMNS)[number];

/** The record's words, Danish first (the record is a Danish council's), English variant. */
export const RECORD_TEXT = {
  da: {
    record: 'Beslutningsprotokol',
    membersEdition: 'Medlemsudgave – indeholder lukkede punkter og er fortrolig (§ 3)',
    publicEdition: 'Offentlig udgave – lukkede punkter vises kun med nummer (§§ 2–3, § 29, stk. 4)',
    draft: 'Udkast – protokollen er ikke underskrevet',
    partlySigned: 'Protokollen er underskrevet af én af to og låst; den mangler den anden underskrift',
    meetingAt: 'Mødet',
    notOpened: 'Mødet er ikke åbnet',
    at: 'kl.',
    chair: 'Mødeleder',
    present: 'Til stede',
    membersPresent: 'medlemmer til stede ved alle afgørelser',
    absent: 'Fraværende',
    absentNone: 'Ingen',
    partlyAbsent: 'Fraværende under dele af mødet',
    atItems: 'ved punkt',
    meetingLevel: 'mødet',
    substitutes: 'Stedfortrædere, der havde sæde',
    substituteFor: 'for',
    item: 'Punkt',
    closedItem: 'Lukket punkt',
    closedReason: 'Behandlet for lukkede døre',
    proposal: 'Indstilling',
    decision: 'Beslutning',
    noDecisions: 'Ingen afgørelser.',
    reading: (r: number, of: number) => (of === 2 ? `${r}. behandling` : ''),
    amendments: 'Ændringsforslag',
    amendment: 'Ændringsforslag',
    subAmendment: 'underændringsforslag til',
    from: 'stillet af',
    amendmentStatus: { pending: 'ikke afgjort', adopted: 'vedtaget', rejected: 'forkastet', withdrawn: 'trukket tilbage' },
    disqualified: 'Inhabil (§ 23)',
    referredTo: 'Henvist til',
    party: 'Parti',
    for: 'For',
    against: 'Imod',
    abstain: 'Undlader',
    choice: { for: 'for', against: 'imod', abstain: 'undlod', none: 'ikke afgivet' } as Record<Choice | 'none', string>,
    rollCall: 'Navneopråb (§ 24, stk. 2)',
    namedVotes: 'Stemmer afgivet ved navn (§ 29, stk. 2)',
    dissents: 'Protokoltilførsler (§ 29, stk. 3)',
    absentAtDecision: 'Fraværende ved afgørelsen',
    substitutesAtDecision: 'Stedfortrædere',
    counterCheck: 'Kontraprøve',
    meetingDecisions: 'Afgørelser uden for punkterne',
    corrections: 'Rettelser',
    correction: 'Rettelse',
    correctionBy: 'indført af',
    correctionToClosed: 'Rettelse til et lukket punkt',
    later: 'Tilføjelser i mødets log efter underskriften',
    laterNote: 'Protokollen ovenfor er låst ved underskriften; det følgende er kommet til i loggen senere og er ikke en del af den underskrevne tekst.',
    laterDecision: 'Ny afgørelse',
    laterDissent: 'Ny protokoltilførsel',
    laterNamed: 'Ny navngiven stemme',
    laterClosed: 'Tilføjelse til et lukket punkt',
    signatures: 'Underskrifter (§ 29, stk. 1)',
    signChair: 'Forperson',
    signSecretariat: 'For sekretariatet',
    notSigned: 'ikke underskrevet',
    signedAt: 'underskrevet',
    chain: (seq: number) => `Protokollen er låst ved mødets hændelseslog til og med hændelse nr. ${seq}, hvis SHA-256 er`,
    setup: 'Mødeopsætningens SHA-256:',
    /** An entry's detail as the engine wrote it (language-neutral, in the log): "round 3" → "runde 3". */
    detail: (text: string) => engineDetail(text, 'da'),
    election: {
      round: (n: number) => `${n}. afstemning`,
      seats: 'Pladser',
      lot: 'Lodtrækning',
      among: 'blandt',
      drawn: 'udtrukket',
      commitment: 'forudvist SHA-256',
      secret: 'hemmelighed',
      elected: 'Valgt',
      secretBallot: 'skriftlig (hemmelig) afstemning (§ 27, stk. 2)',
      voided: (voted: number, time: string) =>
        `annulleret kl. ${time}, fordi serveren genstartede, mens runden var åben (${voted} havde stemt; optællingen gemmes kun, til runden lukkes); afholdt igen`,
    },
    votedLine: {
      for: (n: number) => `For stemte ${n}`,
      against: (n: number) => `Imod stemte ${n}`,
      abstain: (n: number) => `Undlod at stemme ${n}`,
    },
    csvWords: {
      /** The file a browser saves; the members' version says so in its name. */
      filename: (members: boolean) => `beslutningsprotokol-${members ? 'medlemmer-' : ''}afstemninger.csv`,
      columns: {
        item_number: 'Punkt nr.',
        item_title: 'Punkt',
        decision_id: 'Afgørelse (id)',
        vote_id: 'Afstemning (id)',
        kind: 'Art',
        time: 'Tidspunkt',
        point: 'Afstemningstema',
        subject: 'Emne',
        mode: 'Afstemningsmåde',
        outcome: 'Udfald',
        for: 'For',
        against: 'Imod',
        abstain: 'Undlod',
        counter_check: 'Kontraprøve (for/imod/undlod)',
        by_group: 'Pr. gruppe (for/imod/undlod)',
        named: 'Stemmer ved navn',
        dissents: 'Protokoltilførsler',
        absent: 'Fraværende',
        detail: 'Detaljer',
      } as Record<CsvColumn, string>,
      secretBallot: 'skriftlig (hemmelig) afstemning',
      round: (n: number) => `${n}. afstemning`,
      voided: (n: number, voted: number, time: string) =>
        `${n}. afstemning annulleret kl. ${time} (serveren genstartede, mens den var åben; ${voted} havde stemt; afholdt igen)`,
      seats: 'pladser',
      lot: (tied: string, winner: string, commitment: string, secret: string) =>
        `lodtrækning blandt ${tied}: ${winner} (forudvist SHA-256 ${commitment}, hemmelighed ${secret})`,
      elected: 'valgt',
    },
    page: 'Side',
    of: 'af',
    otherLang: 'English',
    json: 'JSON',
    csv: 'Afstemninger (CSV)',
    archive: 'Arkiv',
    print: 'Udskriv',
    outcome: { adopted: 'Vedtaget', rejected: 'Forkastet', referred: 'Henvist', postponed: 'Udsat', elected: 'Valgt' } as Record<RecordDecision['outcome'], string>,
    itemOutcome: {
      adopted: 'Vedtaget',
      rejected: 'Forkastet',
      partlyAdopted: 'Delvis vedtaget',
      referred: 'Henvist',
      postponed: 'Udsat',
      toSecondReading: 'Oversendt til 2. behandling',
      handled: 'Behandlet',
      inProgress: 'Under behandling',
      notHandled: 'Ikke behandlet',
    } as Record<ItemOutcome, string>,
    mode: {
      electronic: 'elektronisk afstemning',
      rollCall: 'afstemning ved navneopråb',
      manual: 'afstemning ved håndsoprækning med kontraprøve (§ 24, stk. 1)',
      declaration: 'uden afstemning, da ingen krævede afstemning (§ 24, stk. 4)',
    } as Record<string, string>,
    counts: (c: { for: number; against: number; abstain: number }) =>
      `${c.for} stemte for, ${c.against} imod, ${c.abstain} undlod at stemme`,
    subject: (s: RecordSubject): string => {
      switch (s.kind) {
        case 'proposal':
          return s.part ? `Forslaget, del: ${s.part}` : 'Forslaget';
        case 'amendment':
          return `Ændringsforslag ${s.amendment ?? ''}`.trim();
        case 'reading':
          return 'Overgang til 2. behandling (§ 21)';
        case 'closure':
          return 'Afslutning af forhandlingen (§ 18, stk. 4)';
        case 'agendaOrder':
          return `Dagsordenens rækkefølge (§ 20): ${(s.order ?? []).join(', ')}`;
        case 'denyFloor':
          return `Frakendelse af ordet (§ 18, stk. 3): ${s.person?.name ?? ''}`;
        case 'disqualification':
          return `Inhabilitet (§ 23): ${s.person?.name ?? ''}`;
        case 'referral':
          return `Henvisning til ${s.committee ?? ''} (§ 26)`;
        case 'postpone':
          return 'Udsættelse (§ 18, stk. 5)';
        case 'motion': {
          const by = s.proposer ? ` fra ${s.proposer.name}` : '';
          if (s.motion === 'referral') return `Forslag${by} om direkte henvisning til ${s.committee ?? ''} (§ 26, stk. 2)`;
          if (s.motion === 'postponement') return `Forslag${by} om udsættelse (§ 18, stk. 5)${s.reason ? `: ${s.reason}` : ''}`;
          return `Forslag${by} om genoptagelse (§ 20, stk. 3). Anførte nye oplysninger: ${s.reason ?? ''}`;
        }
        default:
          return 'Afgørelse';
      }
    },
    kind: { election: 'Valg', correction: 'Rettelse', postponement: 'Udsættelse', referral: 'Henvisning', reopening: 'Genoptagelse' } as Record<string, string>,
  },
  en: {
    record: 'Decision record',
    membersEdition: "Members' edition – includes closed items and is confidential (§ 3)",
    publicEdition: 'Public edition – closed items are shown by number only (§§ 2–3, § 29(4))',
    draft: 'Draft – the record has not been signed',
    partlySigned: 'Signed by one of two and locked; the second signature is missing',
    meetingAt: 'Meeting',
    notOpened: 'The meeting has not been opened',
    at: 'at',
    chair: 'Chair',
    present: 'Present',
    membersPresent: 'members present at every decision',
    absent: 'Absent',
    absentNone: 'None',
    partlyAbsent: 'Absent for part of the meeting',
    atItems: 'at item',
    meetingLevel: 'the meeting',
    substitutes: 'Substitutes who sat',
    substituteFor: 'for',
    item: 'Item',
    closedItem: 'Closed item',
    closedReason: 'Handled behind closed doors',
    proposal: 'Recommendation',
    decision: 'Decision',
    noDecisions: 'No decisions.',
    reading: (r: number, of: number) => (of === 2 ? `reading ${r} of 2` : ''),
    amendments: 'Amendments',
    amendment: 'Amendment',
    subAmendment: 'sub-amendment to',
    from: 'moved by',
    amendmentStatus: { pending: 'not decided', adopted: 'adopted', rejected: 'rejected', withdrawn: 'withdrawn' },
    disqualified: 'Disqualified (§ 23)',
    referredTo: 'Referred to',
    party: 'Party',
    for: 'For',
    against: 'Against',
    abstain: 'Abstain',
    choice: { for: 'for', against: 'against', abstain: 'abstained', none: 'did not vote' } as Record<Choice | 'none', string>,
    rollCall: 'Roll call (§ 24(2))',
    namedVotes: 'Votes recorded by name (§ 29(2))',
    dissents: 'Dissents (§ 29(3))',
    absentAtDecision: 'Absent at this decision',
    substitutesAtDecision: 'Substitutes',
    counterCheck: 'Counter-check',
    meetingDecisions: 'Decisions outside the items',
    corrections: 'Corrections',
    correction: 'Correction',
    correctionBy: 'entered by',
    correctionToClosed: 'Correction to a closed item',
    later: "Additions to the meeting's log after signing",
    laterNote: 'The record above was locked when signed; what follows entered the log later and is not part of the signed text.',
    laterDecision: 'New decision',
    laterDissent: 'New dissent',
    laterNamed: 'New vote recorded by name',
    laterClosed: 'Addition to a closed item',
    signatures: 'Signatures (§ 29(1))',
    signChair: 'Chair',
    signSecretariat: 'For the secretariat',
    notSigned: 'not signed',
    signedAt: 'signed',
    chain: (seq: number) => `The record is locked to the meeting's event log up to and including event ${seq}, whose SHA-256 is`,
    setup: 'SHA-256 of the meeting set-up:',
    detail: (text: string) => engineDetail(text, 'en'),
    election: {
      round: (n: number) => `Round ${n}`,
      seats: 'Seats',
      lot: 'Lot',
      among: 'among',
      drawn: 'drawn',
      commitment: 'SHA-256 shown beforehand',
      secret: 'secret',
      elected: 'Elected',
      secretBallot: 'written (secret) ballot (§ 27(2))',
      voided: (voted: number, time: string) =>
        `void at ${time}: the server restarted while the round was open (${voted} had voted; the count is kept only until the round closes); held again`,
    },
    votedLine: {
      for: (n: number) => `For: ${n}`,
      against: (n: number) => `Against: ${n}`,
      abstain: (n: number) => `Abstained: ${n}`,
    },
    csvWords: {
      filename: (members: boolean) => `decision-record-${members ? 'members-' : ''}votes.csv`,
      /** The columns keep the names the CSV always had, so a script that reads them still does. */
      columns: Object.fromEntries(VOTES_CSV_COLUMNS.map((c) => [c, c])) as Record<CsvColumn, string>,
      secretBallot: 'secret ballot',
      round: (n: number) => `round ${n}`,
      voided: (n: number, voted: number, time: string) => `round ${n} void at ${time} (server restarted while it was open; ${voted} had voted; held again)`,
      seats: 'seats',
      lot: (tied: string, winner: string, commitment: string, secret: string) => `lot among ${tied}: ${winner} (commitment ${commitment}, secret ${secret})`,
      elected: 'elected',
    },
    page: 'Page',
    of: 'of',
    otherLang: 'Dansk',
    json: 'JSON',
    csv: 'Votes (CSV)',
    archive: 'Archive',
    print: 'Print',
    outcome: { adopted: 'Adopted', rejected: 'Rejected', referred: 'Referred', postponed: 'Postponed', elected: 'Elected' } as Record<RecordDecision['outcome'], string>,
    itemOutcome: {
      adopted: 'Adopted',
      rejected: 'Rejected',
      partlyAdopted: 'Partly adopted',
      referred: 'Referred',
      postponed: 'Postponed',
      toSecondReading: 'Passed to a second reading',
      handled: 'Handled',
      inProgress: 'In progress',
      notHandled: 'Not handled',
    } as Record<ItemOutcome, string>,
    mode: {
      electronic: 'electronic vote',
      rollCall: 'roll-call vote',
      manual: 'show of hands with counter-check (§ 24(1))',
      declaration: 'without a vote, as no member demanded one (§ 24(4))',
    } as Record<string, string>,
    counts: (c: { for: number; against: number; abstain: number }) => `${c.for} for, ${c.against} against, ${c.abstain} abstained`,
    subject: (s: RecordSubject): string => {
      switch (s.kind) {
        case 'proposal':
          return s.part ? `The proposal, part: ${s.part}` : 'The proposal';
        case 'amendment':
          return `Amendment ${s.amendment ?? ''}`.trim();
        case 'reading':
          return 'Passing to a second reading (§ 21)';
        case 'closure':
          return 'Closing the debate (§ 18(4))';
        case 'agendaOrder':
          return `Order of the agenda (§ 20): ${(s.order ?? []).join(', ')}`;
        case 'denyFloor':
          return `Denying the floor (§ 18(3)): ${s.person?.name ?? ''}`;
        case 'disqualification':
          return `Disqualification (§ 23): ${s.person?.name ?? ''}`;
        case 'referral':
          return `Referral to ${s.committee ?? ''} (§ 26)`;
        case 'postpone':
          return 'Postponement (§ 18(5))';
        case 'motion': {
          const by = s.proposer ? ` by ${s.proposer.name}` : '';
          if (s.motion === 'referral') return `Motion${by} for direct referral to ${s.committee ?? ''} (§ 26(2))`;
          if (s.motion === 'postponement') return `Motion${by} to postpone (§ 18(5))${s.reason ? `: ${s.reason}` : ''}`;
          return `Motion${by} to reopen (§ 20(3)). New information stated: ${s.reason ?? ''}`;
        }
        default:
          return 'Decision';
      }
    },
    kind: { election: 'Election', correction: 'Correction', postponement: 'Postponement', referral: 'Referral', reopening: 'Reopening' } as Record<string, string>,
  },
};

export type RecordWords = (typeof RECORD_TEXT)['da'];

/**
 * A decision's detail for the CSV in `lang`: the engine's detail in words, then for an
 * election its rounds or seats, lots and who was elected.
 */
function csvDetail(d: RecordDecision, lang: Lang): string {
  const w = RECORD_TEXT[lang].csvWords;
  const parts: string[] = [];
  if (d.detail) parts.push(engineDetail(d.detail, lang));
  const e = d.election;
  if (e) {
    if (e.secret) parts.push(w.secretBallot);
    for (const v of e.voided ?? []) parts.push(w.voided(v.number, v.voted, v.time));
    for (const r of e.rounds) parts.push(`${w.round(r.number)}: ${r.tally.map((x) => `${x.name} ${x.votes}`).join(', ')}`);
    if (e.seats.length) parts.push(`${w.seats}: ${e.seats.map((x) => `${x.name} ${x.seats}`).join(', ')}`);
    for (const l of e.lots) parts.push(w.lot(l.tied.join(', '), l.winner, l.commitment, l.secret));
    if (e.elected.length) parts.push(`${w.elected}: ${e.elected.join(', ')}`);
  }
  return parts.join(' | ');
}

/**
 * The record's decisions as CSV (shared/record/csv.ts) in the record's language: the header
 * row, and each decision's detail in words. The other cells are the record's own values
 * (names, counts, and codes such as `adopted` and `electronic` that docs/record.md lists).
 */
export function votesCsvIn(r: DecisionRecord, lang: Lang): string {
  const worded = (d: RecordDecision): RecordDecision => {
    const detail = csvDetail(d, lang);
    // The detail in words carries the election's account: the writer adds none of its own.
    return { ...d, detail: detail || undefined, election: undefined };
  };
  const words: DecisionRecord = {
    ...r,
    items: r.items.map((item) => (item.closed ? item : { ...item, decisions: item.decisions.map(worded) })),
    meetingDecisions: r.meetingDecisions.map(worded),
  };
  const text = votesCsv(words);
  const codes = VOTES_CSV_COLUMNS.join(',');
  const header = VOTES_CSV_COLUMNS.map((c) => csvField(RECORD_TEXT[lang].csvWords.columns[c], false)).join(',');
  // The writer's first row (after the BOM) is the column codes; they give way to the header in words.
  return text.startsWith(`\uFEFF${codes}\r\n`) ? `\uFEFF${header}${text.slice(1 + codes.length)}` : text;
}


type VoteWords = { point: string; result: { adopted: boolean; for: number; against: number; abstain: number } | null };
type SpeechWords = { person: { name: string; group: string }; first: boolean; kind?: SpeechKind };
const kindOf = (sp: SpeechWords): SpeechKind => sp.kind ?? (sp.first ? 'first' : 'later');
const KIND_WORDS = {
  da: { first: '1. indlæg', later: 'senere indlæg', remark: 'kort bemærkning', order: 'til forretningsordenen' },
  en: { first: 'first speech', later: 'later speech', remark: 'short remark', order: 'point of order' },
} as const satisfies Record<'da' | 'en', Record<SpeechKind, string>>;

/** The speech index's words (chapters.vtt, shared/record/timeline.ts) and the speaking-time section. */
export const TIMELINE_TEXT = {
  da: {
    item: 'Punkt',
    closedItem: 'Lukket punkt',
    closedDoors: 'for lukkede døre',
    speech: (sp: SpeechWords) => `${sp.person.name}${sp.person.group ? ` (${sp.person.group})` : ''} – ${KIND_WORDS.da[kindOf(sp)]}`,
    kinds: KIND_WORDS.da,
    byKind: 'Pr. slags indlæg (bilag 1)',
    vote: (v: VoteWords) =>
      `Afstemning: ${v.point}${v.result ? ` – ${v.result.adopted ? 'vedtaget' : 'forkastet'} (${v.result.for} for, ${v.result.against} imod, ${v.result.abstain} hverken for eller imod)` : ''}`,
    speaking: 'Taletid (§ 19)',
    speakingNote: 'Afsluttede indlæg; et indlæg, der er i gang, tælles med, når det er slut.',
    speakingPublicNote: 'Lukkede punkter tælles ikke med i den offentlige udgave (§§ 2–3).',
    wholeMeeting: 'Hele mødet',
    byGroup: 'Pr. gruppe',
    byPerson: 'Pr. medlem',
    total: 'I alt',
    speeches: (n: number) => (n === 1 ? '1 indlæg' : `${n} indlæg`),
    noSpeeches: 'Ingen indlæg.',
  },
  en: {
    item: 'Item',
    closedItem: 'Closed item',
    closedDoors: 'behind closed doors',
    speech: (sp: SpeechWords) => `${sp.person.name}${sp.person.group ? ` (${sp.person.group})` : ''} – ${KIND_WORDS.en[kindOf(sp)]}`,
    kinds: KIND_WORDS.en,
    byKind: 'By kind of speech (annex)',
    vote: (v: VoteWords) =>
      `Vote: ${v.point}${v.result ? ` – ${v.result.adopted ? 'adopted' : 'rejected'} (${v.result.for} for, ${v.result.against} against, ${v.result.abstain} abstaining)` : ''}`,
    speaking: 'Speaking time (§ 19)',
    speakingNote: 'Finished speeches; a speech in progress counts once it has ended.',
    speakingPublicNote: 'Closed items are not counted in the public edition (§§ 2–3).',
    wholeMeeting: 'The whole meeting',
    byGroup: 'By group',
    byPerson: 'By member',
    total: 'Total',
    speeches: (n: number) => (n === 1 ? '1 speech' : `${n} speeches`),
    noSpeeches: 'No speeches.',
  },
};

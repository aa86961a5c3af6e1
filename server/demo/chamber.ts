import type { Group, ItemSetup, MeetingSetup, Person, Seat } from '../../shared/types';

// A chamber shaped like Copenhagen's Borgerrepræsentation: 55 seats in a horseshoe, the
// real party letters, fictional member names, and two independents [løsgængere].
const PARTIES: { letter: string; name: string; color: string; seats: number }[] = [
  { letter: 'Ø', name: 'Enhedslisten', color: '#d0004d', seats: 12 },
  { letter: 'A', name: 'Socialdemokratiet', color: '#c8102e', seats: 10 },
  { letter: 'C', name: 'Det Konservative Folkeparti', color: '#00583c', seats: 8 },
  { letter: 'B', name: 'Radikale Venstre', color: '#733280', seats: 7 },
  { letter: 'F', name: 'SF – Socialistisk Folkeparti', color: '#e07ea8', seats: 7 },
  { letter: 'V', name: 'Venstre', color: '#254264', seats: 3 },
  { letter: 'Å', name: 'Alternativet', color: '#2b8738', seats: 2 },
  { letter: 'I', name: 'Liberal Alliance', color: '#3fb2be', seats: 2 },
  { letter: 'O', name: 'Dansk Folkeparti', color: '#eac73e', seats: 1 },
  { letter: 'D', name: 'Nye Borgerlige', color: '#134851', seats: 1 },
];
const INDEPENDENTS = 2;

// § 19, stk. 4: Copenhagen's seven mayors [borgmestre] and their official titles, one per
// committee; the overborgmester chairs the council (RULES.md, Roles). The parties holding
// each post are plausible for the demo, not a record of any term.
const MAYORS: { groupId: string; title: string }[] = [
  { groupId: 'Ø', title: 'Teknik- og Miljøborgmester' },
  { groupId: 'Ø', title: 'Socialborgmester' },
  { groupId: 'C', title: 'Børne- og Ungdomsborgmester' },
  { groupId: 'B', title: 'Kultur- og Fritidsborgmester' },
  { groupId: 'F', title: 'Sundheds- og Omsorgsborgmester' },
  { groupId: 'V', title: 'Beskæftigelses- og Integrationsborgmester' },
];

const FIRST = ['Anna', 'Bo', 'Cecilie', 'Dennis', 'Emma', 'Frederik', 'Gitte', 'Hassan', 'Ida', 'Jonas', 'Karen', 'Lars', 'Maja', 'Niels', 'Olivia', 'Peter', 'Rikke', 'Søren', 'Tove', 'Ulrik', 'Vibeke', 'William', 'Yasmin', 'Åse'];
const LAST = ['Holm', 'Kjær', 'Lund', 'Mørk', 'Nørgaard', 'Bech', 'Dahl', 'Friis', 'Juhl', 'Krogh', 'Vestergaard', 'Skov', 'Bang', 'Thorsen', 'Winther', 'Ravn', 'Storm', 'Hvid', 'Brix', 'Lykke', 'Aagaard', 'Møller', 'Fog'];

/**
 * The demo chamber's layout: seats, groups, members, chair line and agenda. Its credentials
 * are not here: they are drawn at random for each demo database (./credentials.ts).
 */
export interface DemoLayout {
  setup: MeetingSetup;
}

/** Seat positions on a horseshoe, row by row from the front, left to right. */
function horseshoe(n: number): Seat[] {
  // Copenhagen's three rows hold 55; larger test chambers get more, wider rows.
  const rows: number[] = [];
  for (let r = 0; rows.reduce((a, b) => a + b, 0) < n; r++) rows.push([13, 17, 25][r] ?? 25 + (r - 2) * 8);
  const step = rows.length <= 3 ? 12 : 36 / (rows.length - 1);
  const seats: Seat[] = [];
  let k = 0;
  rows.forEach((count, r) => {
    const radius = 22 + r * step;
    for (let i = 0; i < count && k < n; i++, k++) {
      const angle = Math.PI * (0.05 + (0.9 * i) / (count - 1));
      seats.push({
        id: `S${String(k + 1).padStart(2, '0')}`,
        label: String(k + 1),
        x: Math.round((50 - radius * Math.cos(angle)) * 10) / 10,
        y: Math.round((12 + radius * Math.sin(angle)) * 10) / 10,
      });
    }
  });
  return seats;
}

function seatOrderByAngle(seats: Seat[]): Seat[] {
  // Parties sit in blocks from left to right across all rows, as in the real chamber.
  return [...seats].sort((a, b) => Math.atan2(a.y - 12, 50 - a.x) - Math.atan2(b.y - 12, 50 - b.x));
}

/** The demo's chamber sizes (`--seats N`). */
export const MIN_DEMO_SEATS = INDEPENDENTS + 1;
export const MAX_DEMO_SEATS = 2000;

export function demoChamber(opts: { seatCount?: number } = {}): DemoLayout {
  const total = opts.seatCount ?? 55;
  // Two independents and at least one party seat: a smaller chamber has no party to scale.
  if (!(Number.isInteger(total) && total >= MIN_DEMO_SEATS && total <= MAX_DEMO_SEATS)) throw new RangeError(`a demo chamber has ${MIN_DEMO_SEATS} to ${MAX_DEMO_SEATS} seats, not ${total}`);
  const seats = horseshoe(total);
  const groups: Group[] = PARTIES.map((p) => ({ id: p.letter, letter: p.letter, name: p.name, color: p.color, independent: false }));
  groups.push({ id: 'LG', letter: 'LG', name: 'Løsgænger', color: '#6b6b6b', independent: true });
  const persons: Person[] = [];
  const slots: string[] = [];
  // Scale the party sizes to the chamber size so tests can use smaller chambers; every
  // party keeps at least one seat while there is room, the largest give way first.
  const target = total - INDEPENDENTS;
  const counts = PARTIES.map((p) => Math.max(1, Math.floor((p.seats * target) / 53)));
  const largest = () => counts.indexOf(Math.max(...counts));
  const lastHeld = () => counts.map((n, i) => (n > 0 ? i : -1)).filter((i) => i >= 0).pop()!;
  while (counts.reduce((a, b) => a + b, 0) > target) counts[counts[largest()]! > 1 ? largest() : lastHeld()]! -= 1;
  for (let i = 0; counts.reduce((a, b) => a + b, 0) < target; i = (i + 1) % PARTIES.length) counts[i]! += 1;
  PARTIES.forEach((p, i) => {
    for (let j = 0; j < counts[i]!; j++) slots.push(p.letter);
  });
  for (let j = 0; j < INDEPENDENTS; j++) slots.push('LG');
  const ordered = seatOrderByAngle(seats);
  slots.forEach((groupId, i) => {
    const first = FIRST[i % FIRST.length]!;
    const last = LAST[(i * 7) % LAST.length]!;
    persons.push({ id: `m${i + 1}`, name: `${first} ${last}`, groupId, kind: 'member', seatId: ordered[i]!.id });
  });
  for (let j = 0; j < 4; j++) {
    const groupId = PARTIES[j]!.letter;
    persons.push({ id: `sub${j + 1}`, name: `${FIRST[(j * 5 + 3) % FIRST.length]} ${LAST[(j * 3 + 11) % LAST.length]} (stedfortræder)`, groupId, kind: 'substitute', seatId: null });
  }
  // Chair from A, vice-chairs from Ø and C.
  const firstOf = (g: string) => persons.find((p) => p.groupId === g && p.kind === 'member')?.id;
  const line = [firstOf('A'), firstOf('Ø'), firstOf('C')].filter((id): id is string => !!id);
  for (const p of persons) if (line.length < 3 && p.kind === 'member' && !line.includes(p.id)) line.push(p.id);
  // The chair is the overborgmester; the vice-chairs hold no mayoral post. A chamber scaled
  // down too far to seat a party's mayor simply has fewer titles.
  const chair = persons.find((p) => p.id === line[0]);
  if (chair) chair.title = 'Overborgmester';
  for (const m of MAYORS) {
    const p = persons.find((x) => x.groupId === m.groupId && x.kind === 'member' && !x.title && !line.includes(x.id));
    if (p) p.title = m.title;
  }
  return {
    setup: { title: 'Borgerrepræsentationens møde', chamber: { name: 'Rådhussalen', seats }, groups, persons, chairLine: line, agenda: demoAgenda() },
  };
}

export function demoAgenda(): ItemSetup[] {
  return [
    { id: 'i1', title: 'Godkendelse af dagsorden', text: 'Dagsordenen for mødet godkendes.', kind: 'other', doors: 'open', proposal: 'At dagsordenen godkendes.' },
    { id: 'i2', title: 'Cykelsti på Nørrebrogade', text: 'Teknik- og Miljøudvalget indstiller, at der anlægges en ny cykelsti.', kind: 'proposal', doors: 'open', proposal: 'At Borgerrepræsentationen godkender anlæg af cykelstien.' },
    { id: 'i3', title: 'Salg af ejendommen Vesterbrogade 1', text: 'Økonomiudvalget indstiller salg til højestbydende.', kind: 'proposal', doors: 'closed', closedReason: 'Salg af fast ejendom (§ 2, stk. 2)', proposal: 'At ejendommen sælges.' },
    { id: 'i4', title: 'Budget 2027', text: 'Forslag til budget for 2027, første behandling.', kind: 'budget', doors: 'open', readings: 2, proposal: 'At budgetforslaget oversendes til anden behandling.' },
    { id: 'i5', title: 'Lokalplan for Nordhavn', text: 'Forslag til lokalplan med ændringsforslag.', kind: 'proposal', doors: 'open', proposal: 'At lokalplanen vedtages.' },
    { id: 'i6', title: 'Medlemsforslag om grønne tage', text: 'Et medlemsforslag om grønne tage på kommunale bygninger.', kind: 'memberProposal', doors: 'open', proposal: 'At forvaltningen udarbejder en plan.' },
  ];
}

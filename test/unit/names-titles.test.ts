// § 19, stk. 4: members are named by first and last name, mayors by their official title.
// The public view carries the title; the record names a mayor with it.
import { describe, expect, it } from 'vitest';
import { buildRecord } from '../../shared/record/build';
import { recordHtml } from '../../shared/record/html';
import { personRef } from '../../shared/record/person';
import { styledName } from '../../shared/names';
import { publicView } from '../../shared/views';
import { debating } from './helpers/meeting';

describe('§ 19, stk. 4 — names and titles', () => {
  it('the demo chamber has Copenhagen’s seven mayors, the overborgmester in the chair', () => {
    const m = debating('i2');
    const titled = Object.values(m.state.persons).filter((p) => p.title);
    expect(titled.map((p) => p.title).sort()).toEqual(
      [
        'Beskæftigelses- og Integrationsborgmester',
        'Børne- og Ungdomsborgmester',
        'Kultur- og Fritidsborgmester',
        'Overborgmester',
        'Socialborgmester',
        'Sundheds- og Omsorgsborgmester',
        'Teknik- og Miljøborgmester',
      ].sort(),
    );
    expect(m.state.persons[m.state.chair.line[0]!]!.title).toBe('Overborgmester');
  });

  it('a titled name leads with the title; an untitled one is first and last name', () => {
    expect(styledName({ name: 'Anna Holm', title: 'Overborgmester' })).toBe('Overborgmester Anna Holm');
    expect(styledName({ name: 'Bo Berg' })).toBe('Bo Berg');
    expect(styledName({ name: 'Bo Berg', title: ' ' })).toBe('Bo Berg');
  });

  it('the public view carries the title; the record names the mayor with it', () => {
    const m = debating('i2');
    const mayor = Object.values(m.state.persons).find((p) => p.title && p.title !== 'Overborgmester')!;
    const plain = Object.values(m.state.persons).find((p) => !p.title && p.kind === 'member')!;
    const full = `${mayor.title} ${mayor.name}`;
    m.request(mayor.id);
    expect(m.speakNext()).toBe(mayor.id);
    const view = publicView(m.state);
    expect(view.members.find((x) => x.id === mayor.id)).toMatchObject({ name: mayor.name, title: mayor.title });
    expect(view.members.find((x) => x.id === plain.id)).not.toHaveProperty('title');
    const vote = m.decide({ kind: 'proposal' }, m.members.slice(0, 30));
    m.as(mayor.id).do({ type: 'record.nameVote', voteId: vote.id });
    expect(personRef(m.state, mayor.id)).toMatchObject({ name: full, title: mayor.title });
    expect(personRef(m.state, plain.id).name).toBe(plain.name);
    const record = buildRecord(m.state, { audience: 'public' });
    const named = record.items.flatMap((i) => ('decisions' in i ? i.decisions : [])).flatMap((d) => d.named ?? []);
    expect(named.map((n) => n.person.name)).toContain(full);
    const html = recordHtml(record, { lang: 'da' });
    expect(html).toContain(full);
  });
});

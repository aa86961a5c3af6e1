import { useEffect } from 'react';
import './gallery.css';
import './gallery-elections.css';
import type { PublicElection, PublicView } from '../../../../shared/index';
import { ConnectionBanner, LangToggle, personLabel, PersonName, SpeakingClock } from '../../components/common';
import { MajorityResults, ProportionalResults } from '../../components/elections';
import { SeatMap, type SeatMark } from '../../components/SeatMap';
import { useT } from '../../i18n';
import { connect, disconnect } from '../../socket';
import { useStore } from '../../store';

/**
 * The public display in the chamber (§ 1): readable from the back of the room. It only
 * ever gets the PublicView, which never carries a closed item's title or content (§ 3).
 */
export function GalleryScreen() {
  const t = useT();
  useEffect(() => {
    connect({ role: 'public' });
    document.title = 'Salen — ' + t('galleryTitle');
    return () => disconnect();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  const view = useStore((s) => (s.role === 'public' ? (s.view as PublicView) : null));

  if (!view) {
    return (
      <main className="gallery gallery-loading">
        <ConnectionBanner />
        <p className="gallery-hall">{t('loading')}</p>
      </main>
    );
  }

  if (view.blank) {
    return (
      <main className="gallery gallery-blank" aria-label={view.chamber.name}>
        <ConnectionBanner />
        <p className="gallery-hall">{view.chamber.name}</p>
      </main>
    );
  }

  const cur = view.current;
  const election = focusElection(view);
  return (
    <main className="gallery">
      <ConnectionBanner />
      <header className="gallery-top">
        <div>
          <div className="gallery-hall-small">
            {view.chamber.name} · {view.title}
          </div>
          {cur === null ? (
            <h1 className="gallery-item">{t(`meetingStatus_${view.meeting.status}`)}</h1>
          ) : cur.closed ? (
            <h1 className="gallery-item">
              <span className="gallery-item-number">{t('item', { n: cur.number })}</span> {t('closedMeeting')}
            </h1>
          ) : (
            <h1 className="gallery-item">
              <span className="gallery-item-number">{t('item', { n: cur.number })}</span> {cur.title}
              {cur.readings > 1 ? <span className="gallery-reading"> · {t('readingOf', { reading: cur.reading, readings: cur.readings })}</span> : null}
            </h1>
          )}
        </div>
        <div className="gallery-quorum">
          <div>{t('quorum', { present: view.quorum.present, needed: view.quorum.needed })}</div>
          {view.meeting.status !== 'open' ? <div>{t(`meetingStatus_${view.meeting.status}`)}</div> : null}
          <LangToggle />
        </div>
      </header>

      {cur && cur.closed ? (
        <section className="gallery-closed" aria-live="polite">
          <p className="gallery-closed-text">{t('closedMeeting')}</p>
        </section>
      ) : (
        <div className={`gallery-body ${election ? 'gallery-body-election' : ''}`}>
          <div className="gallery-left">
            {cur && !cur.closed ? (
              <>
                <section className="gallery-speaker" aria-live="polite">
                  <h2>{t('speaking')}</h2>
                  {cur.speaking ? (
                    <div className="gallery-speaker-row">
                      <span className="gallery-speaker-name">
                        <PersonName view={view} personId={cur.speaking.personId} />
                      </span>
                      <SpeakingClock deadline={cur.speaking.deadline} className="gallery-clock" />
                    </div>
                  ) : (
                    <p className="gallery-muted">{t('nobodySpeaking')}</p>
                  )}
                </section>
                <section className="gallery-queue">
                  <h2>{t('nextSpeakers')}</h2>
                  {cur.queue.length ? (
                    <ol aria-label={t('nextSpeakers')}>
                      {cur.queue.slice(0, 6).map((q) => (
                        <li key={q.personId}>
                          <PersonName view={view} personId={q.personId} />
                        </li>
                      ))}
                      {cur.queue.length > 6 ? <li className="gallery-muted">+{cur.queue.length - 6}</li> : null}
                    </ol>
                  ) : (
                    <p className="gallery-muted">{t('speakerListEmpty')}</p>
                  )}
                </section>
                {cur.vote ? (
                  <section className="gallery-vote" aria-live="polite">
                    <h2>
                      {t('voteInProgress')}
                      {cur.vote.mode !== 'electronic' ? ` · ${t(`mode_${cur.vote.mode}`)}` : ''}
                    </h2>
                    <p className="gallery-point">{cur.vote.point}</p>
                    {cur.vote.mode === 'manual' ? (
                      <p className="gallery-voted">{t('manualVote')}</p>
                    ) : (
                      <p className="gallery-voted">{t('votedOf', { voted: cur.vote.voted, eligible: cur.vote.eligible })}</p>
                    )}
                    {cur.vote.rollCallTurn ? (
                      <p className="gallery-turn">{t('rollCallTurn', { name: personLabel(view, cur.vote.rollCallTurn).name })}</p>
                    ) : null}
                  </section>
                ) : null}
                {cur.declaration ? (
                  <section className="gallery-vote">
                    <h2>{t('declaration')}</h2>
                    <p className="gallery-point">{cur.declaration.point}</p>
                    <p>{t('declarationExpected', { outcome: t(cur.declaration.expected) })}</p>
                    {cur.declaration.demands > 0 ? <p>{t('declarationDemands', { n: cur.declaration.demands })}</p> : null}
                  </section>
                ) : null}
              </>
            ) : (
              <p className="gallery-muted gallery-noitem">{t('noItem')}</p>
            )}
          </div>
          <div className="gallery-right">{election ? <GalleryElection view={view} e={election} /> : <GalleryResult view={view} />}</div>
        </div>
      )}
    </main>
  );
}

function GalleryResult({ view }: { view: PublicView }) {
  const t = useT();
  const r = view.lastResult;
  const occupant: Record<string, string> = {};
  for (const [seat, occ] of Object.entries(view.presence)) occupant[seat] = occ.personId;
  const marks: Record<string, SeatMark> = {};
  const nameAt = (seat: string) => {
    const p = occupant[seat];
    if (!p) return undefined;
    const l = personLabel(view, p);
    return `${l.name} (${l.letter})`;
  };
  if (r?.seats) {
    for (const [seat, choice] of Object.entries(r.seats)) marks[seat] = { choice, title: nameAt(seat) };
  } else {
    for (const [seat, occ] of Object.entries(view.presence)) {
      if (!occ.online) continue;
      marks[seat] = { group: view.groups[personLabel(view, occ.personId).group?.id ?? ''] ?? null, title: nameAt(seat) };
    }
  }
  return (
    <section className="gallery-result" aria-live="polite">
      {r ? (
        <>
          <h2>{t('lastResult')}</h2>
          <p className="gallery-result-point">{r.point}</p>
          <p className={`gallery-outcome ${r.adopted ? 'outcome-adopted' : 'outcome-rejected'}`}>
            {t(`outcome_${r.outcome}` as 'outcome_adopted')}
            {r.mode === 'declaration' ? <span className="gallery-outcome-note"> · {t('declared')}</span> : null}
          </p>
          {r.counts ? (
            <p className="gallery-counts">
              <span className="count count-for">{t('choice_for')} {r.counts.for}</span>
              <span className="count count-against">{t('choice_against')} {r.counts.against}</span>
              <span className="count count-abstain">{t('choice_abstain')} {r.counts.abstain}</span>
            </p>
          ) : null}
        </>
      ) : (
        <h2>{t('seatMap')}</h2>
      )}
      <SeatMap
        seats={view.chamber.seats}
        marks={marks}
        mode={r?.seats ? 'result' : 'presence'}
        label={r?.seats ? `${t('seatMap')}: ${r.point}` : `${t('seatMap')}: ${t('present')} ${view.quorum.present}`}
        className="gallery-seatmap"
      />
    </section>
  );
}

/**
 * The election the wall shows (§§ 27–28): the newest one while it runs, and afterwards as
 * long as it is the latest decision on an open item. (PublicView carries elections on open
 * items only, so a closed item's election never reaches this screen.)
 */
function focusElection(view: PublicView): PublicElection | null {
  const last = view.elections.at(-1);
  if (!last) return null;
  const final = last.kind === 'majority' ? last.status === 'decided' : last.status === 'allocated';
  if (!final) return last;
  return view.lastResult?.voteId === last.id ? last : null;
}

function GalleryElection({ view, e }: { view: PublicView; e: PublicElection }) {
  const t = useT();
  const open = e.kind === 'majority' ? e.rounds.find((r) => r.status === 'open') : undefined;
  return (
    <section className="gallery-election" aria-live="polite" data-testid="gallery-election" data-election={e.id}>
      <h2>
        {t('elections')} · {t(`election_kind_${e.kind}`)}
      </h2>
      <p className="gallery-election-title">
        {e.title}
        {e.kind === 'proportional' ? <span className="gallery-muted"> · {t('seatsCount', { n: e.seats })}</span> : null}
      </p>
      {e.kind === 'majority' ? (
        <>
          {e.secret ? <p className="gallery-election-secret">{t('secretBallotShort')}</p> : null}
          {open ? (
            <p className="gallery-voted" data-testid="gallery-election-voted">
              {t('round', { n: open.number })}: {t('roundVotedPublic', { voted: open.voted, present: view.quorum.present })}
            </p>
          ) : null}
          <MajorityResults e={e} variant="gallery" />
        </>
      ) : (
        <ProportionalResults e={e} variant="gallery" allLists={!e.result} />
      )}
    </section>
  );
}

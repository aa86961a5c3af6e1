import './gallery.css';
import './gallery-elections.css';
import type { PublicView } from '../../../../shared/index';
import { Announcer } from '../../components/Announcer';
import { ConnectionBanner, LangToggle, StatementLink } from '../../components/common';
import { useConnection, useDocumentTitle } from '../../hooks/useConnection';
import { useT } from '../../i18n';
import { useStore } from '../../store';
import { useShownDecision } from './decision';
import { GalleryAmendments } from './GalleryAmendments';
import { focusElection, GalleryElection } from './GalleryElection';
import { GalleryMotion } from './GalleryMotion';
import { GalleryResult } from './GalleryResult';
import { GallerySpeakers } from './GallerySpeakers';
import { GalleryDeclaration, GalleryVote } from './GalleryVote';

const PUBLIC = { role: 'public' } as const;

/**
 * The public display in the chamber (§ 1): readable from the back of the room. It only
 * ever gets the PublicView, which never carries a closed item's title or content (§ 3).
 * One file per card: speakers, vote, amendments, result or election.
 */
export function GalleryScreen() {
  const t = useT();
  useConnection(PUBLIC);
  useDocumentTitle('galleryTitle');
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

  return <GalleryWall view={view} />;
}

/** The wall with a meeting to show: header, then the item's cards or the closed-item notice. */
function GalleryWall({ view }: { view: PublicView }) {
  const t = useT();
  const decision = useShownDecision(view);
  const cur = view.current;
  const election = focusElection(view, decision);
  return (
    <main className="gallery">
      <ConnectionBanner />
      <GalleryHeader view={view} />
      <Announcer />
      {cur && cur.closed ? (
        <section className="gallery-closed">
          <p className="gallery-closed-text">{t('closedMeeting')}</p>
        </section>
      ) : (
        <div className={`gallery-body ${election ? 'gallery-body-election' : ''}`}>
          <div className="gallery-left">
            <GalleryMotion view={view} />
            {cur ? (
              <>
                <GallerySpeakers view={view} cur={cur} />
                {cur.vote ? <GalleryVote view={view} vote={cur.vote} /> : null}
                {cur.declaration ? <GalleryDeclaration declaration={cur.declaration} /> : null}
                <GalleryAmendments view={view} cur={cur} />
              </>
            ) : (
              <p className="gallery-muted gallery-noitem">{t('noItem')}</p>
            )}
          </div>
          <div className="gallery-right">{election ? <GalleryElection view={view} e={election} /> : <GalleryResult view={view} r={decision} />}</div>
        </div>
      )}
    </main>
  );
}

/** The hall and the meeting, the item under way (a closed one by number only), the quorum. */
function GalleryHeader({ view }: { view: PublicView }) {
  const t = useT();
  const cur = view.current;
  return (
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
        {/* One row: the statement link must not take the seat map's height on the wall. */}
        <div className="gallery-links">
          <StatementLink />
          <LangToggle />
        </div>
      </div>
    </header>
  );
}

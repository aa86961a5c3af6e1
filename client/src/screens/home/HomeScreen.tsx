import { useEffect, useState } from 'react';
import './home.css';
import { ScreenHeader } from '../../components/common';
import { useT } from '../../i18n';

/** `/`: what each screen is for, with links (Danish by default). */
export function HomeScreen() {
  const t = useT();
  useEffect(() => {
    document.title = 'Salen';
  }, []);
  const screens = [
    { href: '/chair', title: t('homeChair'), text: t('homeChairText') },
    { href: '/gallery', title: t('homeGallery'), text: t('homeGalleryText') },
    { href: '/secretariat', title: t('homeSecretariat'), text: t('homeSecretariatText') },
    { href: '/seat', title: t('homeSeat'), text: t('homeSeatText') },
    { href: '/record', title: t('homeRecord'), text: t('homeRecordText') },
    { href: '/archive', title: t('homeArchive'), text: t('homeArchiveText') },
  ];
  return (
    <div className="screen home">
      <ScreenHeader title={t('homeTitle')} live={false} />
      <main className="home-main">
        <p className="lead">{t('homeIntro')}</p>
        <ul className="home-list">
          {screens.map((s) => (
            <li key={s.href} className="card">
              <h2>
                <a href={s.href}>{s.title}</a>
              </h2>
              <p>{s.text}</p>
              <p className="hint">
                <code>{s.href === '/seat' ? '/seat#key=…' : s.href}</code>
              </p>
            </li>
          ))}
        </ul>
        <p>{t('homeRules')}</p>
        <DemoLinks />
      </main>
    </div>
  );
}

interface DemoInfo {
  seats: { seatId: string; key: string; personId?: string; name?: string; groupId?: string; code?: string }[];
  chair: { personId: string; password: string }[];
  secretariatPassword: string;
}

/** Demo server only (`/api/demo`): every seat's link and code, and the console passwords. */
function DemoLinks() {
  const t = useT();
  const [info, setInfo] = useState<DemoInfo | null>(null);
  useEffect(() => {
    let live = true;
    fetch('/api/demo')
      .then((r) => (r.ok ? r.json() : null))
      .then((j: DemoInfo | null) => live && j && Array.isArray(j.seats) && setInfo(j))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);
  if (!info) return null;
  const open = new URLSearchParams(location.search).get('demo') === 'links';
  return (
    <details className="card" open={open}>
      <summary>{t('demoLinks')}</summary>
      <p>
        {t('homeChair')}: {info.chair.map((c) => `${c.personId} / ${c.password}`).join(' · ')}
        <br />
        {t('homeSecretariat')}: {info.secretariatPassword}
      </p>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">{t('member')}</th>
            <th scope="col">{t('personalCode')}</th>
          </tr>
        </thead>
        <tbody>
          {info.seats.map((s) => (
            <tr key={s.seatId}>
              <td>{s.seatId}</td>
              <td>
                {/* The key travels in the fragment: never sent to the server, never in a proxy's log. */}
                <a href={`/seat#key=${encodeURIComponent(s.key)}`}>
                  {s.name ?? s.seatId} ({s.groupId})
                </a>
              </td>
              <td>{s.code}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}

import { useEffect } from 'react';
import '../home/home.css';
import { ScreenHeader } from '../../components/common';
import { useLang, useT } from '../../i18n';

/** The two addresses of the statement: Danish first (the law's language), English beside it. */
const PATHS = { da: '/tilgaengelighed', en: '/accessibility' } as const;

// The address says the language: whoever follows /accessibility wants it in English.
if (location.pathname.replace(/\/+$/, '') === PATHS.en) useLang.getState().setLang('en');
else if (location.pathname.replace(/\/+$/, '') === PATHS.da) useLang.getState().setLang('da');

/**
 * `/tilgaengelighed` and `/accessibility`: the accessibility statement that
 * webtilgængelighedsloven asks of a public body — the standard, how it is tested, what is
 * known not to meet it, where to write, and where to complain.
 */
export function StatementScreen() {
  const t = useT();
  const lang = useLang((s) => s.lang);
  const other = lang === 'da' ? 'en' : 'da';
  useEffect(() => {
    document.title = `${t('a11yTitle')} · Salen`;
    // The language toggle in the header switches the address with the text.
    if (location.pathname !== PATHS[lang]) history.replaceState(null, '', PATHS[lang]);
  }, [lang, t]);
  return (
    <div className="screen home statement-page">
      <ScreenHeader title={t('a11yTitle')} live={false} />
      <main className="home-main">
        <p>
          <a href={PATHS[other]} lang={other} hrefLang={other}>
            {t('a11yOtherLang')}
          </a>
        </p>
        <p className="lead">{t('a11yIntro')}</p>
        <h2>{t('a11yStandardTitle')}</h2>
        <p>{t('a11yStandard')}</p>
        <h2>{t('a11yTestedTitle')}</h2>
        <ul>
          <li>{t('a11yTested1')}</li>
          <li>{t('a11yTested2')}</li>
          <li>{t('a11yTested3')}</li>
          <li>{t('a11yTested4')}</li>
        </ul>
        <h2>{t('a11yKnownTitle')}</h2>
        <ul>
          <li>{t('a11yKnown1')}</li>
          <li>{t('a11yKnown2')}</li>
          <li>{t('a11yKnown3')}</li>
          <li>{t('a11yKnown4')}</li>
        </ul>
        <h2>{t('a11yContactTitle')}</h2>
        <p>{t('a11yContact')}</p>
        <h2>{t('a11yEnforcementTitle')}</h2>
        <p>{t('a11yEnforcement')}</p>
        <p>
          <a href="https://www.was.digst.dk/">{t('a11yEnforcementLink')}</a>
        </p>
        <p className="hint">{t('a11yDate')}</p>
        <p>
          <a href="/">{t('a11yBack')}</a>
        </p>
      </main>
    </div>
  );
}

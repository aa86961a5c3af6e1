import type { TextTable } from '../plural';

// Danish texts: screen-reader announcements, vote buttons' names and the accessibility statement.
export const a11y = {
  voteButtonName: '{choice}: {point}',
  announceFloor: 'Ordet er givet til {name}.',
  announceVoteOpen: 'Afstemning åbnet: {point}',
  announceResult: 'Resultat: {point}: {outcome}. For {for}, imod {against}, undlader {abstain}.',
  announceResultNoCounts: 'Resultat: {point}: {outcome}.',
  a11yLink: 'Tilgængelighed',
  a11yTitle: 'Tilgængelighedserklæring',
  a11yOtherLang: 'Accessibility statement in English',
  a11yIntro:
    'Salen er Københavns Kommunes system til afstemning og debat i Borgerrepræsentationen: medlemmernes stemmeterminaler, formandens og sekretariatets konsoller, tilhørerskærmen og den trykbare beslutningsprotokol. Kommunen ønsker, at alle kan bruge dem, og erklæringen her er udarbejdet efter lov om tilgængelighed af offentlige organers websteder og mobilapplikationer (webtilgængelighedsloven).',
  a11yStandardTitle: 'Standard',
  a11yStandard:
    'Skærmene skal overholde WCAG 2.1 på niveau AA, som den harmoniserede standard EN 301 549 henviser til. Løsningen vurderes som delvist i overensstemmelse med standarden: se de kendte mangler nedenfor.',
  a11yTestedTitle: 'Sådan er det testet',
  a11yTested1: 'Hver browsertest kører axe-core i skærmen i hver tilstand, den når — indtjekning, talerliste, afstemning, navneopråb, valg, lukket punkt, resultat og protokol — og fejler ved ethvert brud på WCAG 2.0/2.1 A og AA.',
  a11yTested2: 'En test gennemfører en hel afstemning med tastaturet alene: formanden åbner og lukker, et medlem stemmer med Tab, Enter og mellemrum, og fokus er synligt på hver knap.',
  a11yTested3: 'Skærmene er testet ved 200 % zoom (ingen vandret rulning på stemmeterminal og konsol) og med indstillingen reduceret bevægelse.',
  a11yTested4: 'Stemmeknapperne har navn efter valg og emne, og ordet, en afstemnings åbning og et resultat meddeles skærmlæsere gennem ét statusområde pr. skærm.',
  a11yKnownTitle: 'Kendte mangler',
  a11yKnown1: 'Den automatiske test finder ikke alle fejl: der er endnu ikke testet med skærmlæsere (NVDA, VoiceOver) af brugere.',
  a11yKnown2: 'Tilhørerskærmen er lavet til en storskærm i salen og er ikke beregnet til betjening; den følger med i debatten gennem statusområder.',
  a11yKnown3: 'Formandens konsol har mange paneler; genvejstasterne er vist i panelet Tastaturgenveje, men der er ikke spring-til-indhold-links mellem panelerne.',
  a11yKnown4: 'axe-core kører WCAG-reglerne og overskriftsrækkefølgen; dets øvrige regler for god praksis (fx at alt indhold ligger i et landemærke) er ikke en del af testen.',
  a11yContactTitle: 'Kontakt og feedback',
  a11yContact:
    'Oplever du problemer med tilgængeligheden, så skriv til Borgerrepræsentationens sekretariat. Beskriv skærmen og hvad der skete, så svarer vi inden for 14 dage.',
  a11yEnforcementTitle: 'Håndhævelse',
  a11yEnforcement:
    'Er du ikke tilfreds med svaret, kan du klage til Digitaliseringsstyrelsen, som fører tilsyn med webtilgængelighedsloven.',
  a11yEnforcementLink: 'Digitaliseringsstyrelsens klageformular',
  a11yDate: 'Erklæringen er udarbejdet den 2. december 2026 og bygger på en selvevaluering: den automatiske test og tastaturtesten ovenfor.',
  a11yBack: 'Til forsiden',
} satisfies TextTable;

import type { TextTable } from '../plural';

// Danish texts: the gallery and the home page.
export const publicScreens = {
  // gallery
  galleryTitle: 'Tilhørerskærm',
  galleryVoteOnAmendment: 'Afstemning om ændringsforslag {label} (stillet af {name}, {party})',
  galleryAmendments: 'Ændringsforslag',
  galleryAmendmentLabel: 'Nr. {label}',
  galleryAmendmentStatus_pending: 'afventer',
  galleryAmendmentStatus_adopted: 'vedtaget',
  galleryAmendmentStatus_rejected: 'forkastet',
  galleryAmendmentStatus_withdrawn: 'trukket tilbage',
  // home
  homeTitle: 'Salen — afstemning og debat i Borgerrepræsentationen',
  homeIntro: 'Salen er et system til afstemning og talerliste i byrådssalen. Hver skærm har sin rolle:',
  homeSeat: 'Pladsterminal',
  homeSeatText: 'Medlemmets terminal på den faste plads: indmelding med personlig kode, anmodning om ordet, krav og afstemning. Hver terminal åbnes med sin egen nøgle: /seat#key=…',
  homeChair: 'Forpersonens pult',
  homeChairText: 'Dagsorden, talerliste med begrundelse for hver plads, afstemninger, erklæringer, tilstedeværelse og tilhørerskærm.',
  homeSecretariat: 'Sekretariatet',
  homeSecretariatText: 'Tilstedeværelse, indkaldelse af stedfortrædere og udpegning af midlertidig forperson.',
  homeGallery: 'Tilhørerskærm',
  homeGalleryText: 'Den store skærm i salen: punkt, taler, talerliste, afstemning og resultat med pladskort. Viser aldrig lukkede punkter.',
  homeRecord: 'Beslutningsprotokol',
  homeRecordText: 'Mødets beslutninger (§ 29), som de offentliggøres; lukkede punkter kun med nummer.',
  homeArchive: 'Arkiv',
  homeArchiveText: 'Offentliggjorte møders dagsordener og beslutningsprotokoller og de kommende møders dagsordener (§ 29, stk. 4) – siden kommunen linker til.',
  demoLinks: 'Demo: alle pladsterminaler, koder og adgangskoder',
  homeRules: 'Alle knapper følger Borgerrepræsentationens forretningsorden; når en handling ikke er mulig, vises paragraffen og grunden.',
} satisfies TextTable;

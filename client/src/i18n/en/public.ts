import type { publicScreens as da } from '../da/public';
import type { Translation } from '../plural';

// English texts: the gallery and the home page.
export const publicScreens: Translation<typeof da> = {
  // gallery
  galleryTitle: 'Public display',
  galleryVoteOnAmendment: 'Vote on amendment {label} (moved by {name}, {party})',
  galleryAmendments: 'Amendments',
  galleryAmendmentLabel: 'No. {label}',
  galleryAmendmentStatus_pending: 'pending',
  galleryAmendmentStatus_adopted: 'adopted',
  galleryAmendmentStatus_rejected: 'rejected',
  galleryAmendmentStatus_withdrawn: 'withdrawn',
  // home
  homeTitle: 'Salen — voting and debate in the city council',
  homeIntro: 'Salen runs voting and the speaker list in the council chamber. Each screen has its role:',
  homeSeat: 'Seat terminal',
  homeSeatText: 'The member\u2019s terminal at their fixed seat: check-in with a personal code, asking for the floor, demands and voting. Each terminal opens with its own key: /seat#key=…',
  homeChair: 'Chair\u2019s console',
  homeChairText: 'Agenda, speaker list with the reason for each place, votes, declarations, presence and the public display.',
  homeSecretariat: 'Secretariat',
  homeSecretariatText: 'Presence, calling in substitutes and appointing a temporary chair.',
  homeGallery: 'Public display',
  homeGalleryText: 'The big screen in the chamber: item, speaker, speaker list, vote and result with a seat map. Never shows closed items.',
  homeRecord: 'Decision record',
  homeRecordText: 'The meeting\u2019s decisions (§ 29) as published; closed items by number only.',
  homeArchive: 'Archive',
  homeArchiveText: 'Published meetings\u2019 agendas and decision records, and the coming meetings\u2019 agendas (§ 29(4)): the page the city links to.',
  demoLinks: 'Demo: every seat terminal, code and password',
  homeRules: 'Every button follows the council\u2019s standing orders; when an action is not possible, the paragraph and the reason are shown.',
};

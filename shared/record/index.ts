export * from './types';
export { buildRecord, laterAdditions, localDateTime, allDecisions, CLOSED_ITEM_TITLE, type BuildOptions, type StoredCorrection } from './build';
export { recordHtml, esc, type HtmlOptions } from './html';
export { votesCsv, csvField, VOTES_CSV_COLUMNS } from './csv';
export { RECORD_TEXT, type Lang } from './i18n';
export { archiveHtml, agendaPageHtml, publicAgenda, recordAgenda, ARCHIVE_TEXT, type Archive, type ArchivedMeeting, type ComingMeeting, type ArchiveAgendaItem } from './archive';

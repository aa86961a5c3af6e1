import type { PublicView } from '../../../../shared/index';

/** The open item the wall shows (a closed one shows nothing but its number). */
export type OpenCurrent = Extract<NonNullable<PublicView['current']>, { closed: false }>;

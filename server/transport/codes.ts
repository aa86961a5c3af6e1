import type { ResetAllCodesAck, ResetCodeAck } from '../../shared/protocol';
import { updateDemoSecrets } from '../demo/credentials';
import { serverRefusal, type MeetingService } from '../meeting/service';
import { MINIMUMS } from '../setup/import';
import { resetCodes } from '../store/credentials';

// A reset code has the set-up import's minimum digits: enough against guessing at a seat
// (five wrong codes lock it, § 16), short enough to type from a letter.
const DIGITS = MINIMUMS.codeDigits;

/**
 * The secretariat gives one person a new personal code (a forgotten or disclosed one, § 16):
 * the old code stops working at once; a session already begun with it goes on.
 */
export function resetCode(service: MeetingService, personId: unknown): ResetCodeAck {
  if (typeof personId !== 'string' || !Object.hasOwn(service.state.persons, personId)) return serverRefusal('UNKNOWN_PERSON');
  const codes = resetCodes(service.db, [personId], DIGITS, 'person.resetCode');
  updateDemoSecrets(service.db, { codes });
  return { ok: true, version: service.state.version, personId, code: codes[personId]! };
}

/** New codes for every member and substitute at once (letters for all). */
export function resetAllCodes(service: MeetingService): ResetAllCodesAck {
  const codes = resetCodes(service.db, Object.keys(service.state.persons), DIGITS, 'person.resetAllCodes');
  updateDemoSecrets(service.db, { codes });
  return { ok: true, version: service.state.version, codes };
}

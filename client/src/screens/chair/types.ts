import type { ActionBody, Allowed, Refusal } from '../../../../shared/index';

/** The engine's verdict on one concrete body (null: allowed), as `useChecker` gives it. */
export type Can = (body: ActionBody) => Refusal | null;

/** The engine's verdicts on the chair's probe bodies (`allowedFor`), by action type. */
export type AllowedMap = Allowed;

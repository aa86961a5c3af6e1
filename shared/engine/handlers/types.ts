import type { ActionOf, ActionType } from '../../actions';
import type { Context, EngineEvent, MeetingState } from '../../types';

/**
 * A handler refuses (throws via `need`/`refuse`) before it changes anything, then mutates
 * the state it is given. `apply` runs it on a copy; the server's replay runs it in place.
 */
export type Handler<T extends ActionType> = (s: MeetingState, a: ActionOf<T>, ctx: Context) => EngineEvent[] | void;
export type HandlerMap = { [T in ActionType]?: Handler<T> };

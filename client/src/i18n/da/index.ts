import { a11y } from './a11y';
import { chair } from './chair';
import { common } from './common';
import { elections } from './elections';
import { meetings } from './meetings';
import { motions } from './motions';
import { overlay } from './overlay';
import { publicScreens } from './public';
import { roster } from './roster';
import { seat } from './seat';
import { sessions } from './sessions';

// Danish, the default language; its keys are the keys of every other language.
export const da = { ...common, ...seat, ...chair, ...elections, ...sessions, ...publicScreens, ...a11y, ...overlay, ...motions, ...meetings, ...roster };

import type { StringKey } from '../index';
import type { Text } from '../plural';
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

export const en: Record<StringKey, Text> = { ...common, ...seat, ...chair, ...elections, ...sessions, ...publicScreens, ...a11y, ...overlay, ...motions, ...meetings, ...roster };

export * from './types';
export * from './config';
export * from './actions';
export * from './refusals';
export { createState, closedLast } from './engine/state';
export { apply, applyInPlace, check, replay, registerHandlers } from './engine/apply';
export { allowedActions, type Allowed } from './engine/allowed';
export { projectedSpeakers, placeInList, type ProjectedSpeaker } from './engine/speakers';
export * from './engine/selectors';

export { startTcSimulator } from './lib/simulator';
export { DEFAULT_TC_SIM_ATTRIBUTE_TYPES } from './lib/attribute-types';
export { parseTql, compileTql, TqlError } from './lib/tql';
export type * from './lib/types';

export { startWizSimulator } from './lib/server';
export { NO_FAULTS } from './lib/faults';
export { fetchSimulatorToken, type SimulatorCredentials } from './lib/token-client';
export { encodeCursor, decodeCursor } from './lib/graphql-endpoint';
export type {
  WizFaults,
  WizSimulator,
  WizSimulatorOptions,
  WizSimulatorStats,
  WizExpectedQuery,
} from './lib/types';

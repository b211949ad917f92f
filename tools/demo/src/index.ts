export { runDemo, type RunningDemo, type RunDemoOptions } from './lib/launcher';
export { readDemoOptions, freePort, type DemoOptions } from './lib/demo-options';
export {
  startDemoSimulators,
  firstJobVulnerabilities,
  DEFAULT_DEMO_SIMULATOR_OPTIONS,
  DEMO_TC,
  DEMO_WIZ,
  type DemoSimulators,
  type DemoSimulatorOptions,
  type SeededTagged,
} from './lib/demo-simulators';
export {
  loadOrCreateDemoState,
  generateDemoAdminKey,
  DEMO_STATE_FILE,
  type DemoState,
} from './lib/demo-state';
export { ensureDemoTenant, demoTenantSettings } from './lib/demo-tenant';
export { startEngineProcess, type EngineProcess, type EngineProcessOptions } from './lib/engine-process';
export { DemoApi, DemoApiError, waitUntilReady } from './lib/demo-api';
export { formatBanner, type BannerFacts } from './lib/banner';

export * from './model';
export { createWizClient, findingsFilter, DEFAULT_PAGE_SIZE, DEFAULT_TIMEOUT_MS } from './lib/client';
export type { WizClient, WizClientOptions } from './lib/client';
export { wizEndpoints, isWizEnvironment, WIZ_ENVIRONMENTS } from './lib/endpoints';
export type { WizEnvironment, WizEndpoints } from './lib/endpoints';
export {
  WizError,
  WizAuthError,
  WizRateLimitError,
  WizGraphQLError,
  WizHttpError,
  WizNetworkError,
  WizAbortError,
  WizCursorError,
  WizConfigError,
  isWizError,
} from './lib/errors';
export type { WizGraphQLErrorEntry } from './lib/errors';
export { redact } from './lib/redact';
export type { WizLogger, WizLogLevel } from './lib/logger';
export { WIZ_RETRY_POLICIES, resolveRetryPolicy, backoffDelayMs } from './lib/retry';
export type { WizRetryPolicy, WizRetryPolicyName } from './lib/retry';
export { rateGovernorFor } from './lib/rate-governor';
export type { WizRateGovernor } from './lib/rate-governor';
export { collectNodes } from './lib/pagination';
export { VULNERABILITY_FINDINGS_QUERY } from './lib/queries/vulnerability-findings.query';
export type {
  WizVulnerabilityFindingFilters,
  VulnerabilityFindingsVariables,
} from './lib/queries/vulnerability-findings.query';

// `@wiztc/wiz-client/testing`: factories for findings and pages, and a scripted fake `fetch` (octokit
// style) for unit tests of anything that consumes the client. Specs only.
export {
  wizFindingFactory,
  wizFindingsPageFactory,
  wizVulnerableAssetFactory,
} from './lib/testing/finding.factory';
export {
  scriptedFetch,
  tokenResponse,
  graphqlResponse,
  graphqlErrorResponse,
} from './lib/testing/scripted-fetch';
export type { ScriptedFetch, ScriptedReply, RecordedRequest } from './lib/testing/scripted-fetch';

import { FindingStore } from './src/lib/store';
import { GraphQLEndpoint } from './src/lib/graphql-endpoint';
import { VULNERABILITY_FINDINGS_QUERY } from '@wiztc/wiz-client';
import { print } from 'graphql';
const store = new FindingStore({
  seed: 3,
  findingCount: 20000,
  vulnerabilityCount: 500,
  epochMs: Date.now(),
  exploitShare: 0.3,
  kevShare: 0.05,
  portalHost: 'app.wiz.io',
  realtime: false,
});
let t = performance.now();
for (let r = 0; r < 10; r++) for (let i = 0; i < 500; i++) store.build(r * 500 + i);
console.log('build 5000', (performance.now() - t).toFixed(0), 'ms');
const ep = new GraphQLEndpoint(store, { maxPageSize: 5000, defaultPageSize: 50, stuckCursor: () => false });
const query = print(VULNERABILITY_FINDINGS_QUERY);
(async () => {
  t = performance.now();
  let s = 0;
  for (let r = 0; r < 10; r++) {
    const a = await ep.handle({
      query,
      variables: {
        filterBy: { status: ['OPEN', 'IN_PROGRESS', 'RESOLVED', 'REJECTED'] },
        first: 500,
        after: null,
        includeTotalCount: false,
      },
    });
    s += JSON.stringify(a.body).length;
  }
  console.log('handle 10x500', (performance.now() - t).toFixed(0), 'ms', s / 10, 'bytes/page');
})();

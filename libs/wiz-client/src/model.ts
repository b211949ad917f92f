// Type-only entry point: `@wiztc/wiz-client/model`. Pure libraries may import these types.
export * from './lib/model/finding.model';
export * from './lib/model/findings-query.model';

// Type-only entry point: `@wiztc/tc-client/model`. Pure libraries may import these types.
export * from './lib/model/batch.model';
export * from './lib/model/case.model';
export * from './lib/model/object.model';
export * from './lib/model/security.model';

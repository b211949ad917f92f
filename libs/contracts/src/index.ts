export * from './lib/jobs.contract';
export * from './lib/api-error.contract';
export * from './lib/auth.contract';
export * from './lib/health.contract';
export * from './lib/tenant.contract';

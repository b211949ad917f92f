export * from './lib/jobs.contract';

module.exports = {
  displayName: 'demo',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
  // The spec runs `npm start` end to end: embedded Postgres, both simulators, the engine, a first job.
  testTimeout: 180000,
};

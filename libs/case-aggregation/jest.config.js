module.exports = {
  displayName: 'case-aggregation',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
};

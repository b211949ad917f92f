module.exports = {
  displayName: 'wiz-client',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
};

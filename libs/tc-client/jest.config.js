module.exports = {
  displayName: 'tc-client',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
};

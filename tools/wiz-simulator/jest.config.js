module.exports = {
  displayName: 'wiz-simulator',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
};

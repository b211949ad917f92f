module.exports = {
  displayName: 'tc-simulator',
  preset: '../../jest.preset.js',
  rootDir: __dirname,
};

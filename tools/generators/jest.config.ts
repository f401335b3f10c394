// CommonJS like the rest of this plugin package ("type": "commonjs"), so that Node loads it as it is.
module.exports = {
  displayName: 'generators',
  preset: '../../jest.preset.js',
  coverageDirectory: '../../coverage/tools/generators',
};

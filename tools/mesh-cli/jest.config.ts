export default {
  displayName: 'mesh-cli',
  preset: '../../jest.preset.js',
  coverageDirectory: '../../coverage/tools/mesh-cli',
};

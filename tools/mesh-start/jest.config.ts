export default {
  displayName: 'mesh-start',
  preset: '../../jest.preset.js',
  coverageDirectory: '../../coverage/tools/mesh-start',
};

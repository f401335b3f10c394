export default {
  displayName: 'generators',
  preset: '../../jest.preset.js',
  coverageDirectory: '../../coverage/tools/generators',
};

export default {
  displayName: 'e2e',
  preset: '../../jest.preset.js',
  coverageDirectory: '../../coverage/tools/e2e',
};

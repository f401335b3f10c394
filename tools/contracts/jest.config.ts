export default {
  displayName: 'contracts-tool',
  preset: '../../jest.preset.js',
  coverageDirectory: '../../coverage/tools/contracts',
};

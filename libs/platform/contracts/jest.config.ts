export default {
  displayName: 'platform-contracts',
  preset: '../../../jest.preset.js',
  coverageDirectory: '../../../coverage/libs/platform/contracts',
};

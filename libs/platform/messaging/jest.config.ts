export default {
  displayName: 'platform-messaging',
  preset: '../../../jest.preset.js',
  coverageDirectory: '../../../coverage/libs/platform/messaging',
};

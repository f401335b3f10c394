export default {
  displayName: 'platform-service',
  preset: '../../../jest.preset.js',
  coverageDirectory: '../../../coverage/libs/platform/service',
};

export default {
  displayName: 'analytics-contracts',
  preset: '../../../jest.preset.js',
  coverageDirectory: '../../../coverage/libs/analytics/contracts',
};

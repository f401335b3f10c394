export default {
  displayName: 'customers-contracts',
  preset: '../../../jest.preset.js',
  coverageDirectory: '../../../coverage/libs/customers/contracts',
};

export default {
  displayName: 'orders-contracts',
  preset: '../../../jest.preset.js',
  coverageDirectory: '../../../coverage/libs/orders/contracts',
};

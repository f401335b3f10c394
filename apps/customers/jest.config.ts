export default {
  displayName: 'customers',
  preset: '../../jest.preset.js',
  coverageDirectory: '../../coverage/apps/customers',
  // The integration tests share Redis database 2 (and with it the orders' stream and the
  // `customers` group), so their files run one after another, each starting from an empty database.
  maxWorkers: 1,
};

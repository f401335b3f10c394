export default {
  displayName: 'store-proofs',
  preset: '../../jest.preset.js',
  coverageDirectory: '../../coverage/tools/store-proofs',
};

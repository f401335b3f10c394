export default {
  displayName: 'boundaries',
  preset: '../../jest.preset.js',
  coverageDirectory: '../../coverage/tools/boundaries',
};

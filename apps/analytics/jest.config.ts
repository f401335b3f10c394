export default {
  displayName: 'analytics',
  preset: '../../jest.preset.js',
  coverageDirectory: '../../coverage/apps/analytics',
  // The integration tests share one Redis logical database (/3, flushed by each file) and the
  // input streams' fixed names, so the files run one after another.
  maxWorkers: 1,
};

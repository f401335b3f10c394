const { nodeServiceWebpackConfig } = require('../../tools/webpack/node-service.webpack');

module.exports = nodeServiceWebpackConfig(__dirname, {
  // The page (HTML, CSS, browser modules) is served as files, not bundled: dist/apps/catalog/public.
  assets: [{ input: './src/page/public', glob: '**/*', output: 'public' }],
});

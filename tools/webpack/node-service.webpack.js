// The one webpack configuration of every NestJS service in apps/: each app's webpack.config.js
// names only what differs (its folder, and assets for the catalog). Nx's webpack plugin infers the
// `build` and `serve` targets from those per-app files, so they stay; their content lives here.
const { NxAppWebpackPlugin } = require('@nx/webpack/app-plugin');
const { basename, join, relative } = require('node:path');

const workspaceRoot = join(__dirname, '../..');

/**
 * @param {string} appDir the app's folder (`__dirname` of its webpack.config.js)
 * @param {{ assets?: Array<{ input: string; glob: string; output: string }> }} [options]
 */
function nodeServiceWebpackConfig(appDir, { assets = [] } = {}) {
  const outputDir = join(workspaceRoot, 'dist/apps', basename(appDir));
  return {
    output: {
      path: outputDir,
      clean: true,
      // Absolute paths in source maps: stack traces and debuggers point at the real files.
      ...(process.env.NODE_ENV !== 'production' && { devtoolModuleFilenameTemplate: '[absolute-resource-path]' }),
    },
    plugins: [
      new NxAppWebpackPlugin({
        target: 'node',
        compiler: 'tsc',
        main: './src/main.ts',
        tsConfig: './tsconfig.app.json',
        outputPath: relative(appDir, outputDir),
        assets,
        // Readable bundles: a service's bundle is read in stack traces, not shipped to browsers.
        optimization: false,
        outputHashing: 'none',
        // dist/apps/<app>/package.json lists only what the bundle requires: the image installs that.
        generatePackageJson: true,
        sourceMap: true,
      }),
    ],
  };
}

module.exports = { nodeServiceWebpackConfig };

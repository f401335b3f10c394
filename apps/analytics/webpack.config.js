const { nodeServiceWebpackConfig } = require('../../tools/webpack/node-service.webpack');

module.exports = nodeServiceWebpackConfig(__dirname);

// Shared Jest settings: every project compiles TypeScript with SWC (fast, keeps
// decorator metadata for NestJS) and sees the store URLs that tools/infra resolved.
const { readFileSync } = require('node:fs');
const { join } = require('node:path');
const nxPreset = require('@nx/jest/preset').default;

const swcConfig = JSON.parse(readFileSync(join(__dirname, '.swcrc'), 'utf8'));

module.exports = {
  ...nxPreset,
  testEnvironment: 'node',
  transform: { '^.+\\.[tj]s$': ['@swc/jest', { ...swcConfig, swcrc: false }] },
  // jose 6 and @nestjs/bullmq 12 (with its @nestjs/bull-shared) ship ES modules only, which
  // Jest's CommonJS module registry cannot require (it does not implement Node's require(esm)):
  // SWC compiles them like our own code. Node itself loads them with require(esm).
  transformIgnorePatterns: ['/node_modules/(?!(@nestjs/(bullmq|bull-shared)|jose)/)'],
  moduleFileExtensions: ['ts', 'js', 'json'],
  testMatch: ['**/?(*.)+(spec|int-spec).ts'],
  setupFiles: [join(__dirname, 'tools/jest/load-mesh-env.cjs')],
};

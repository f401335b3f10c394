import { ConfigValidationError } from '@mesh/service';

import { catalogConfig, DEFAULT_PRODUCT_URLS } from './catalog.config';

const withEnv = (env: Record<string, string>) => {
  const saved = { ...process.env };
  Object.assign(process.env, env);
  try {
    return catalogConfig();
  } finally {
    for (const key of Object.keys(env)) delete process.env[key];
    Object.assign(process.env, saved);
  }
};

function problemsOf(env: Record<string, string>): string {
  try {
    withEnv(env);
  } catch (error) {
    if (error instanceof ConfigValidationError) return error.report();
    throw error;
  }
  throw new Error('the configuration was accepted');
}

describe('catalogConfig', () => {
  it('defaults to the three domains on their local ports', () => {
    expect(withEnv({})).toEqual({ productUrls: DEFAULT_PRODUCT_URLS, fetchTimeoutMs: 2_000, maxAgeMs: 1_000 });
    expect(DEFAULT_PRODUCT_URLS).toEqual(['http://127.0.0.1:3001', 'http://127.0.0.1:3002', 'http://127.0.0.1:3003']);
  });

  it('reads CATALOG_PRODUCTS as comma-separated base URLs', () => {
    expect(withEnv({ CATALOG_PRODUCTS: ' http://orders:3001, https://customers.example/api/ ,' }).productUrls).toEqual([
      'http://orders:3001',
      'https://customers.example/api/',
    ]);
  });

  it.each([
    ['orders:3001', /CATALOG_PRODUCTS/],
    ['ftp://orders', /CATALOG_PRODUCTS.*http:\/\/ or https:\/\//s],
    [' , ', /CATALOG_PRODUCTS.*at least one/s],
    ['http://a:1,http://a:1', /CATALOG_PRODUCTS.*twice/s],
  ])('refuses CATALOG_PRODUCTS=%j', (value, problem) => {
    expect(problemsOf({ CATALOG_PRODUCTS: value })).toMatch(problem);
  });

  it('refuses a timeout out of bounds', () => {
    expect(problemsOf({ CATALOG_FETCH_TIMEOUT_MS: '5' })).toMatch(/CATALOG_FETCH_TIMEOUT_MS/);
  });
});

import { defineConfig, envInt, envList, envUrl } from '@mesh/service';
import { z } from 'zod';

/** The mesh as `npm start` runs it on one machine: orders, customers, analytics. */
export const DEFAULT_PRODUCT_URLS = ['http://127.0.0.1:3001', 'http://127.0.0.1:3002', 'http://127.0.0.1:3003'];

const productUrls = envList()
  .pipe(z.array(envUrl(['http', 'https'])).min(1, 'must name at least one base URL'))
  .refine((urls) => new Set(urls).size === urls.length, 'names a URL twice');

/** Where the catalog finds the data products, and how long it waits for them: `@Inject(catalogConfig.KEY)`. */
export const catalogConfig = defineConfig(
  'catalog',
  {
    /** Comma-separated base URLs of the domains; each serves `<url>/.well-known/data-product`. */
    CATALOG_PRODUCTS: productUrls.default(DEFAULT_PRODUCT_URLS),
    /** How long one domain may take to answer before the catalog shows it as unreachable. */
    CATALOG_FETCH_TIMEOUT_MS: envInt({ min: 100, max: 60_000 }).default(2_000),
    /**
     * Requests within this window share one round of fetches, so that many open pages (each
     * polling both APIs) cost the domains one read per window.
     */
    CATALOG_MAX_AGE_MS: envInt({ min: 0, max: 60_000 }).default(1_000),
    /**
     * The ACL file the broker loads (`npm run mesh -- acl`), to compare what it grants with what
     * the manifests declare. Optional: without it the access view shows the manifests' side only.
     */
    CATALOG_REDIS_ACL_FILE: z.string().min(1).optional(),
  },
  (env) => ({
    productUrls: env.CATALOG_PRODUCTS,
    fetchTimeoutMs: env.CATALOG_FETCH_TIMEOUT_MS,
    maxAgeMs: env.CATALOG_MAX_AGE_MS,
    aclFile: env.CATALOG_REDIS_ACL_FILE,
  }),
);

export type CatalogConfig = ReturnType<typeof catalogConfig>;

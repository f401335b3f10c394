import { defineConfig } from '../../config/define-config';
import { envInt } from '../../config/env-schemas';

/** How the data-quality rules are sampled; registered by ServiceModule for a service that declares a product. */
export const dataQualityConfig = defineConfig(
  'dataQuality',
  {
    // A check is reused this long; 0 checks on every request (tests do).
    DATA_QUALITY_MAX_AGE_MS: envInt({ min: 0, max: 3_600_000 }).default(60_000),
    // Entries read per output stream and items per API resource.
    DATA_QUALITY_SAMPLE_SIZE: envInt({ min: 1, max: 1_000 }).default(100),
  },
  (variables) => ({ maxAgeMs: variables.DATA_QUALITY_MAX_AGE_MS, sampleSize: variables.DATA_QUALITY_SAMPLE_SIZE }),
);

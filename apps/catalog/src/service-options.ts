import type { ServiceAppOptions } from '@mesh/service';

/** How the catalog runs, shared by main.ts and the tests so both get the same wiring. */
export const catalogServiceOptions = {
  openApi: {
    title: 'Catalog',
    description:
      "The mesh catalog: every data product's manifest and live status, read from the domains' " +
      '/.well-known/data-product, and the lineage graph between them.',
  },
} satisfies ServiceAppOptions;

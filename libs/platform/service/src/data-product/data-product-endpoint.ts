import type { Provider, Type } from '@nestjs/common';

import type { ConfigNamespace } from '../config/define-config';
import type { ServiceModuleOptions } from '../service-options';
import { DataProductController } from './data-product.controller';
import { DataProductDocuments } from './data-product-documents';
import { dataQualityConfig } from './quality/data-quality-config';
import { DataQualityMetrics } from './quality/data-quality-metrics';

/**
 * The well-known endpoint's parts, when the domain declared its product (the endpoint, the
 * quality rules' gauges and their settings); nothing otherwise.
 */
export function dataProductEndpoint(options: ServiceModuleOptions): {
  controllers: Type[];
  providers: Provider[];
  config: ConfigNamespace[];
} {
  if (!options.dataProduct) return { controllers: [], providers: [], config: [] };
  return {
    controllers: [DataProductController],
    providers: [DataProductDocuments, DataQualityMetrics],
    config: [dataQualityConfig],
  };
}

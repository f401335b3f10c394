import type { Provider, Type } from '@nestjs/common';

import type { ServiceModuleOptions } from '../service-options';
import { DataProductController } from './data-product.controller';
import { DataProductDocuments } from './data-product-documents';

/** The well-known endpoint's parts, when the domain declared its product; nothing otherwise. */
export function dataProductEndpoint(options: ServiceModuleOptions): { controllers: Type[]; providers: Provider[] } {
  if (!options.dataProduct) return { controllers: [], providers: [] };
  return { controllers: [DataProductController], providers: [DataProductDocuments] };
}

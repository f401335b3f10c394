import { Public } from '@mesh/service';
import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';

import { type CatalogSnapshot, ProductCatalog } from './product-catalog.service';

// Metadata and figures only, for anyone who looks: the catalog has no private route (README, Security).
@Public()
@ApiTags('catalog')
@Controller('api/products')
export class ProductsController {
  constructor(private readonly catalog: ProductCatalog) {}

  @Get()
  @ApiOperation({
    summary: 'Every configured data product: its well-known document, or why it could not be read.',
  })
  @ApiOkResponse({
    description:
      '`{ readAt, products }`; each product has `url`, `documentUrl`, `state` (available, unreachable, unusable), ' +
      '`reachable`, `fetchedAt`, `durationMs`, and `document` (manifest + status) or `error`.',
  })
  list(): Promise<CatalogSnapshot> {
    return this.catalog.snapshot();
  }
}

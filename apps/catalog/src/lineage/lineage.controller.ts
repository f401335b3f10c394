import { Public } from '@mesh/service';
import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';

import { ProductCatalog } from '../products/product-catalog.service';
import { isAvailable } from '../products/product-entry';
import { buildLineage } from './build-lineage';
import type { Lineage } from './lineage';

// Metadata and figures only, for anyone who looks: the catalog has no private route (README, Security).
@Public()
@ApiTags('catalog')
@Controller('api/lineage')
export class LineageController {
  constructor(private readonly catalog: ProductCatalog) {}

  @Get()
  @ApiOperation({ summary: 'The lineage graph: producer → consumer per stream, from the manifests.' })
  @ApiOkResponse({
    description:
      "`{ readAt, nodes, edges, streams }`: a node per domain, an edge per input port (with the consumer's lag, " +
      'pending, dead letters and service-level health), and per output stream its declared and measured consumers.',
  })
  async lineage(): Promise<Lineage & { readAt: string }> {
    const snapshot = await this.catalog.snapshot();
    const documents = snapshot.products.filter(isAvailable).map((entry) => entry.document);
    return { readAt: snapshot.readAt, ...buildLineage(documents) };
  }
}

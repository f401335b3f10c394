import { Public } from '@mesh/service';
import { Controller, Get, NotFoundException, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';

import type { CatalogManifest } from '../products/data-product-document.schema';
import { ProductCatalog } from '../products/product-catalog.service';
import { type AvailableProduct, isAvailable } from '../products/product-entry';
import { type EventTypeView, eventTypeView } from './event-type-view';
import { productSchemas, type StreamSchemas } from './product-schemas';
import { searchCatalog, type SearchHit } from './search-catalog';

// Metadata only, for anyone who looks: the catalog has no private route (README, Security).
@Public()
@ApiTags('catalog')
@Controller('api')
export class ExploreController {
  constructor(private readonly catalog: ProductCatalog) {}

  @Get('search')
  @ApiOperation({ summary: 'Products, owners, streams, event types and fields whose names or descriptions hold every word of q.' })
  @ApiQuery({ name: 'q', required: true })
  @ApiOkResponse({ description: '`{ readAt, query, hits: [{ kind, label, detail, product, eventType, href }] }`, best first, at most 50.' })
  async search(@Query('q') query = ''): Promise<{ readAt: string; query: string; hits: SearchHit[] }> {
    const { readAt, manifests } = await this.manifests();
    return { readAt, query, hits: searchCatalog(manifests, query.slice(0, 200)) };
  }

  @Get('products/:name')
  @ApiOperation({ summary: "One product: its well-known document and the schema table of each event on its streams." })
  @ApiOkResponse({ description: '`{ readAt, product, streams: [{ stream, key, description, events: [{ type, version, dataschema, description, fields }] }] }`' })
  async product(@Param('name') name: string): Promise<{ readAt: string; product: AvailableProduct; streams: StreamSchemas[] }> {
    const snapshot = await this.catalog.snapshot();
    const product = snapshot.products.filter(isAvailable).find((entry) => entry.document.manifest.name === name);
    if (!product) throw new NotFoundException(`no product ${name} in the catalog (or its document cannot be read now)`);
    return { readAt: snapshot.readAt, product, streams: productSchemas(product.document.manifest) };
  }

  @Get('event-types/:type')
  @ApiOperation({ summary: 'One event type: its producer, the schema table of every version published, and its consumers.' })
  @ApiOkResponse({ description: '`{ readAt, type, producer, versions: [{ version, stream, key, dataschema, current, fields }], consumers }`' })
  async eventType(@Param('type') type: string): Promise<EventTypeView & { readAt: string }> {
    const { readAt, manifests } = await this.manifests();
    const view = eventTypeView(manifests, type);
    if (!view) throw new NotFoundException(`no product in the catalog publishes an event type ${type}`);
    return { readAt, ...view };
  }

  private async manifests(): Promise<{ readAt: string; manifests: CatalogManifest[] }> {
    const snapshot = await this.catalog.snapshot();
    return { readAt: snapshot.readAt, manifests: snapshot.products.filter(isAvailable).map((entry) => entry.document.manifest) };
  }
}

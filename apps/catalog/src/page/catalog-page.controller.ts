import { Public } from '@mesh/service';
import { Controller, Get, NotFoundException, Param, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';

import { loadPageAssets, type PageAsset } from './page-assets';

// The page loads nothing but its own files and the catalog's API; manifests are input from other
// services, and this policy keeps even a rendering slip from running anything they send.
const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "connect-src 'self'",
  "img-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** The catalog's web page: `GET /` and its CSS and browser modules under `/assets/`. */
// Metadata only, for anyone who looks: the catalog has no private route (README, Security).
@Public()
@ApiExcludeController()
@Controller()
export class CatalogPageController {
  private readonly assets = loadPageAssets();

  @Get()
  page(@Res({ passthrough: true }) reply: FastifyReply): Buffer {
    return this.send(reply, 'index.html');
  }

  @Get('assets/:name')
  asset(@Param('name') name: string, @Res({ passthrough: true }) reply: FastifyReply): Buffer {
    if (name === 'index.html') throw new NotFoundException(`no asset ${name}`);
    return this.send(reply, name);
  }

  private send(reply: FastifyReply, name: string): Buffer {
    const asset: PageAsset | undefined = this.assets.get(name);
    if (!asset) throw new NotFoundException(`no asset ${name}`);
    reply
      .type(asset.contentType)
      .header('content-security-policy', CONTENT_SECURITY_POLICY)
      .header('x-content-type-options', 'nosniff')
      .header('referrer-policy', 'no-referrer')
      // Small files, changed with each release: always revalidate rather than show a stale page.
      .header('cache-control', 'no-cache');
    return asset.body;
  }
}

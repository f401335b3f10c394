import type { DataProductDocument } from '@mesh/contract-kit';
import { Controller, Get, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';

import { Public } from '../auth/public.decorator';
import { DataProductDocuments } from './data-product-documents';

/**
 * `GET /.well-known/data-product`: what the product promises and whether it keeps it now. Open
 * to every caller, like health and metrics: the catalog and operators read it without a token.
 */
@Public()
@ApiExcludeController()
@Controller('.well-known')
export class DataProductController {
  constructor(private readonly documents: DataProductDocuments) {}

  @Get('data-product')
  document(@Res({ passthrough: true }) reply: FastifyReply): Promise<DataProductDocument> {
    // Measured per request: a cached copy would show figures that are no longer true.
    void reply.header('cache-control', 'no-store');
    return this.documents.current();
  }
}

import { Controller, Get, Module, Post, Req } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';

import { Public, RequireScope } from '../src';

/** Routes that use the auth decorators, beside the test app's /items (which follow the default rule). */
@Controller('scoped')
class ScopedController {
  @Get('whoami')
  whoami(@Req() request: FastifyRequest): { subject?: string; scopes: string[] } {
    return { subject: request.accessToken?.subject, scopes: [...(request.accessToken?.scopes ?? [])] };
  }

  @Public()
  @Get('open')
  open(): { open: true } {
    return { open: true };
  }

  @RequireScope('test-app:admin')
  @Post('purge')
  purge(): { purged: true } {
    return { purged: true };
  }
}

/** A controller-wide override, and a route of it opened again. */
@RequireScope('reports:read')
@Controller('reports')
class ReportsController {
  @Get()
  list(): { reports: string[] } {
    return { reports: [] };
  }

  @Public()
  @Get('summary')
  summary(): { summary: string } {
    return { summary: 'public' };
  }
}

@Module({ controllers: [ScopedController, ReportsController] })
export class ScopedRoutesModule {}

import { Controller, Get, ServiceUnavailableException } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { type HealthCheckResult, HealthCheckService, type HealthIndicatorResult } from '@nestjs/terminus';

import { Public } from '../auth/public.decorator';
import { ShutdownState } from '../shutdown/shutdown-state';
import { ReadinessService } from './readiness.service';

// Open: orchestrators and load balancers probe without credentials.
@Public()
@ApiExcludeController()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly readiness: ReadinessService,
    private readonly shutdown: ShutdownState,
  ) {}

  /** The process answers; nothing else is checked, so a slow database never gets it restarted. */
  @Get('live')
  live(): Promise<HealthCheckResult> {
    return this.health.check([]);
  }

  /** 200 when every required check passes; optional checks that fail are listed under `degraded`. */
  @Get('ready')
  async ready(): Promise<ReadinessResult> {
    // Fail first so load balancers stop routing here before the listener closes.
    if (this.shutdown.isShuttingDown) {
      throw new ServiceUnavailableException({ message: 'not ready: shutting down', checks: {} });
    }
    const optional = this.readiness.optionalResults();
    let result: HealthCheckResult;
    try {
      result = await this.health.check(this.readiness.indicatorFunctions());
    } catch (error) {
      throw notReady(error, await optional);
    }
    return withOptional(result, await optional);
  }
}

type ReadinessResult = HealthCheckResult & { degraded?: string[] };

function withOptional(result: HealthCheckResult, optional: HealthIndicatorResult): ReadinessResult {
  const degraded = Object.entries(optional)
    .filter(([, detail]) => detail.status === 'down')
    .map(([name]) => name);
  return { ...result, details: { ...result.details, ...optional }, ...(degraded.length > 0 && { degraded }) };
}

/** Terminus' 503 body uses `error` for the failed checks; restate it in the shared error shape. */
function notReady(error: unknown, optional: HealthIndicatorResult): unknown {
  if (!(error instanceof ServiceUnavailableException)) return error;
  const result = error.getResponse() as Partial<HealthCheckResult>;
  const failed = Object.entries(result.error ?? {}).map(([name, detail]) =>
    typeof detail?.['message'] === 'string' ? `${name} (${String(detail['message'])})` : name,
  );
  return new ServiceUnavailableException(
    { message: `not ready: ${failed.join(', ')}`, checks: { ...result.details, ...optional } },
    { cause: error },
  );
}

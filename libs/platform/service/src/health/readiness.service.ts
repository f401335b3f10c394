import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { type HealthIndicatorFunction, type HealthIndicatorResult, HealthIndicatorService } from '@nestjs/terminus';

import { LOADED_CONFIG } from '../config/config.providers';
import type { LoadedConfig } from '../config/load-config';
import { errorMessage } from '../error-message';
import { publicFailure } from '../http/public-failure';
import { SERVICE_OPTIONS, type ServiceModuleOptions } from '../service-options';
import {
  DEFAULT_READINESS_TIMEOUT_MS,
  type ReadinessCheck,
  type ReadinessContext,
  type ReadinessProbe,
} from './readiness-check';

interface ActiveProbe {
  readonly check: ReadinessCheck;
  readonly probe: ReadinessProbe;
}

/** Turns the domain's readiness checks into Terminus indicators. */
@Injectable()
export class ReadinessService implements OnModuleInit, OnApplicationShutdown {
  private readonly log = new Logger('Readiness');
  private probes: ActiveProbe[] = [];

  constructor(
    @Inject(SERVICE_OPTIONS) private readonly options: ServiceModuleOptions,
    @Inject(LOADED_CONFIG) private readonly config: LoadedConfig,
    private readonly moduleRef: ModuleRef,
    private readonly indicators: HealthIndicatorService,
  ) {}

  // Set up at start-up rather than on the first probe, so a check that cannot
  // find its provider stops the service instead of failing readiness forever.
  async onModuleInit(): Promise<void> {
    const context: ReadinessContext = {
      get: (token) => this.moduleRef.get(token, { strict: false }),
      config: (definition) => this.config.get(definition),
    };
    for (const check of this.options.readiness ?? []) {
      try {
        this.probes.push({ check, probe: await check.setup(context) });
      } catch (error) {
        throw new Error(`readiness check "${check.name}" could not be set up`, { cause: error });
      }
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.allSettled(this.probes.map(({ probe }) => probe.close?.()));
    this.probes = [];
  }

  /** The checks readiness depends on, as Terminus indicators. */
  indicatorFunctions(): HealthIndicatorFunction[] {
    return this.probes.filter(({ check }) => check.required !== false).map((active) => this.indicatorOf(active));
  }

  /** The results of the checks that are reported but do not decide readiness (`required: false`). */
  async optionalResults(): Promise<HealthIndicatorResult> {
    const optional = this.probes.filter(({ check }) => check.required === false);
    const results = await Promise.all(optional.map((active) => this.indicatorOf(active)()));
    return Object.assign({}, ...results) as HealthIndicatorResult;
  }

  private indicatorOf({ check, probe }: ActiveProbe): HealthIndicatorFunction {
    return async () => {
      const session = this.indicators.check(check.name);
      try {
        await withTimeout(probe.check(), check.timeoutMs ?? DEFAULT_READINESS_TIMEOUT_MS);
        return session.up();
      } catch (error) {
        // The probe is public: the caller gets a code, the operator the driver's words.
        const detail = errorMessage(error);
        this.log.warn(`readiness check "${check.name}" failed: ${detail}`);
        return session.down({ message: publicFailure(detail) });
      }
    };
  }
}

async function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

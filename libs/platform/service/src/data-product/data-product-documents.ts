import type { DataProductDocument, DataProductManifest, DataQualityStatus } from '@mesh/contract-kit';
import { Inject, Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';

import { LOADED_CONFIG } from '../config/config.providers';
import type { LoadedConfig } from '../config/load-config';
import { errorMessage } from '../error-message';
import type { ReadinessContext } from '../health/readiness-check';
import { SERVICE_OPTIONS, type ServiceModuleOptions } from '../service-options';
import {
  type DataProductOptions,
  type DataProductStatusProbe,
  DEFAULT_DATA_PRODUCT_TIMEOUT_MS,
  type MeasuredFigures,
} from './data-product-status-source';
import { withPublicFailures } from './public-figures';
import type { DataQualityMonitor } from './quality/data-quality-monitor';
import { setUpQualityMonitor } from './quality/quality-monitor-setup';
import { qualityServiceLevels } from './quality/quality-service-levels';
import { checkServiceLevels } from './service-level-checks';
import { unmeasuredFigures } from './unmeasured-figures';
import { within } from './within';

/**
 * Builds the well-known document: the manifest, the figures measured now (never waiting longer
 * than the timeout), and the service-level checks. Requests that arrive while a measurement is
 * running share it, so that many readers cost Redis and the database one measurement.
 */
@Injectable()
export class DataProductDocuments implements OnModuleInit, OnApplicationShutdown {
  private readonly log = new Logger('DataProduct');
  private readonly options: DataProductOptions;
  private probe: DataProductStatusProbe | undefined;
  private monitor: DataQualityMonitor | undefined;
  private running: Promise<DataProductDocument> | undefined;

  constructor(
    @Inject(SERVICE_OPTIONS) serviceOptions: ServiceModuleOptions,
    @Inject(LOADED_CONFIG) private readonly config: LoadedConfig,
    private readonly moduleRef: ModuleRef,
  ) {
    if (!serviceOptions.dataProduct) throw new Error('DataProductDocuments needs ServiceModule.forRoot({ dataProduct })');
    this.options = serviceOptions.dataProduct;
  }

  get manifest(): DataProductManifest {
    return this.options.product.manifest;
  }

  // Set up at start-up, so a source that cannot find its providers stops the service at once.
  async onModuleInit(): Promise<void> {
    const context: ReadinessContext = {
      get: (token) => this.moduleRef.get(token, { strict: false }),
      config: (definition) => this.config.get(definition),
    };
    try {
      this.probe = await this.options.status.setup(context);
    } catch (error) {
      throw new Error(`the status source of data product "${this.manifest.name}" could not be set up`, { cause: error });
    }
    this.monitor = setUpQualityMonitor(this.options, this.probe, context, (part, detail) =>
      this.log.warn(`data product "${this.manifest.name}": quality ${part} not sampled: ${detail}`),
    );
  }

  async onApplicationShutdown(): Promise<void> {
    await this.probe?.close?.();
    this.probe = undefined;
    this.monitor = undefined;
  }

  /** The last check of the quality rules, or a new one when it is older than its age (shared while it runs). */
  quality(): Promise<DataQualityStatus | undefined> {
    return this.monitor?.current() ?? Promise.resolve(undefined);
  }

  current(): Promise<DataProductDocument> {
    this.running ??= this.measure().finally(() => (this.running = undefined));
    return this.running;
  }

  private async measure(): Promise<DataProductDocument> {
    const measuredAt = new Date().toISOString();
    const [measured, quality] = await Promise.all([this.figures(), this.quality()]);
    const figures = withPublicFailures(measured, (part, detail) =>
      this.log.warn(`data product "${this.manifest.name}": ${part} not measured: ${detail}`),
    );
    const serviceLevels = [...checkServiceLevels(this.manifest, figures), ...qualityServiceLevels(quality)];
    return { manifest: this.manifest, status: { measuredAt, ...figures, quality, serviceLevels } };
  }

  private async figures(): Promise<MeasuredFigures> {
    const timeoutMs = this.options.timeoutMs ?? DEFAULT_DATA_PRODUCT_TIMEOUT_MS;
    try {
      if (!this.probe) throw new Error('the status source is not set up (the service is starting or stopping)');
      return await within(this.probe.measure(this.manifest), timeoutMs);
    } catch (error) {
      const reason = errorMessage(error);
      this.log.warn(`measuring the status of data product "${this.manifest.name}" failed: ${reason}`);
      return unmeasuredFigures(this.manifest, reason);
    }
  }
}

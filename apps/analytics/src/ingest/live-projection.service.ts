import type { EventEnvelope } from '@mesh/contract-kit';
import { Injectable } from '@nestjs/common';

import { ProjectionWriter } from '../projections/projection-writer';
import { LiveProjectionStore } from './live-projection-store';

/**
 * Applies a delivered event to the live projections exactly once, in one transaction with its
 * inbox record and its stream's freshness, so freshness never claims an event whose effect
 * rolled back.
 */
@Injectable()
export class LiveProjection {
  constructor(
    private readonly live: LiveProjectionStore,
    private readonly writer: ProjectionWriter,
  ) {}

  /** @returns whether the effect was applied now (false: this group applied the event before). */
  apply(event: EventEnvelope, stream: string): Promise<boolean> {
    return this.live.applyOnce(event, stream, (writes) => this.writer.apply(writes, event));
  }
}

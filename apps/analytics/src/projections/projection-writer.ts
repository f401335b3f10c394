import type { EventEnvelope } from '@mesh/contract-kit';
import { Injectable } from '@nestjs/common';

import { inputEventsConsumer } from '../ingest/input-events.consumer';
import { Pseudonymizer } from '../pseudonym/pseudonymizer';
import type { ProjectionWrites } from './projection-writes';
import { Projections } from './projections';

/**
 * Applies one input event through the consumer's routes to the tables `writes` is bound to, inside
 * its transaction: the live handler and the rebuild both come through here.
 */
@Injectable()
export class ProjectionWriter {
  constructor(private readonly pseudonyms: Pseudonymizer) {}

  apply(writes: ProjectionWrites, event: EventEnvelope): Promise<void> {
    return inputEventsConsumer.dispatch(new Projections(writes, this.pseudonyms), event);
  }
}

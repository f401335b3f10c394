import { EventEnvelope } from '../envelope/event-envelope';
import { MalformedEventError } from '../envelope/malformed-event-error';
import { EventContract } from './define-event';
import { EventValidationError } from './event-validation-error';

/**
 * The contracts a consumer understands, looked up by event type. It turns a decoded envelope
 * into a validated one, or explains (for the dead-letter stream) why it cannot.
 */
export class EventCatalog {
  private readonly byType = new Map<string, EventContract>();

  constructor(contracts: Iterable<EventContract>) {
    for (const contract of contracts) {
      if (this.byType.has(contract.type)) {
        throw new Error(`event type ${contract.type} is registered twice`);
      }
      this.byType.set(contract.type, contract);
    }
  }

  get(type: string): EventContract | undefined {
    return this.byType.get(type);
  }

  types(): string[] {
    return [...this.byType.keys()];
  }

  /**
   * Validates an envelope read from a stream with the tolerant reader of its contract.
   * @throws MalformedEventError for an unknown type, another schema version or invalid data.
   */
  accept(envelope: EventEnvelope<unknown>): EventEnvelope<unknown> {
    const contract = this.byType.get(envelope.type);
    if (!contract) {
      throw new MalformedEventError(`unknown event type "${envelope.type}"`);
    }
    if (envelope.dataschema !== contract.dataschema) {
      throw new MalformedEventError(
        `${envelope.type}: dataschema "${envelope.dataschema}" is not the known "${contract.dataschema}"`,
      );
    }
    try {
      return { ...envelope, data: contract.parseTolerant(envelope.data) };
    } catch (error) {
      if (error instanceof EventValidationError) {
        throw new MalformedEventError(error.message, { cause: error });
      }
      throw error;
    }
  }
}

import type { EventContract } from '../schema/define-event';
import type { JsonSchema } from '../schema/json-schema';

/**
 * An event's JSON Schema as a standalone document: `$id` is its CloudEvents `dataschema`, so a
 * consumer in any language can fetch the schema an event names and validate against it.
 */
export function toEventJsonSchema(event: EventContract): JsonSchema {
  const { $schema, ...rest } = event.jsonSchema;
  return {
    $schema: $schema ?? 'https://json-schema.org/draft/2020-12/schema',
    $id: event.dataschema,
    title: `${event.type} v${event.version}`,
    description: event.description,
    ...rest,
  };
}

/** The file an event's schema is written to, relative to the generated folder. */
export function eventSchemaPath(event: { type: string; version: number }): string {
  return `schemas/${event.type}.v${event.version}.json`;
}

import { Schema } from 'mongoose';

/** The document field that holds a document's events until the relay has published them. */
export const outboxField = '_outbox';

/**
 * Adds the outbox field to a schema. Pending events are stored as plain string maps (see
 * `PendingEvent`) in a Mixed array so that Mongoose neither casts nor reorders them: the relay
 * removes published events with `$pullAll` of the exact subdocuments it read, and BSON equality
 * is sensitive to key order and number types.
 *
 * Not `select: false`, although hiding the field from reads is tempting: Mongoose then sends an
 * exclusion projection with every findOneAndUpdate, which FerretDB refuses ("not implemented").
 * Map documents to responses explicitly so that the field stays internal.
 */
export function outboxPlugin(schema: Schema): void {
  schema.add({ [outboxField]: { type: [Schema.Types.Mixed], default: undefined } });
}

/** @throws when the schema lacks the outbox field: Mongoose's strict mode would silently drop pushed events. */
export function assertOutboxField(schema: Schema, modelName: string): void {
  if (!schema.path(outboxField)) {
    throw new Error(`model ${modelName} has no ${outboxField} field: apply outboxPlugin to its schema`);
  }
}

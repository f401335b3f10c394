import { Schema } from 'mongoose';

/** The document field that remembers the ids of the events recently applied to the document. */
export const inboxField = '_inbox';

export interface InboxFieldOptions {
  /** Another field name, when one document takes effects from several purposes or groups. */
  field?: string;
}

/** Adds the applied-event-ids field to a schema (a plain array of strings). */
export function inboxPlugin(schema: Schema, options: InboxFieldOptions = {}): void {
  schema.add({ [options.field ?? inboxField]: { type: [String], default: undefined } });
}

export { createEvent } from './envelope/create-event';
export type { NewEvent } from './envelope/create-event';
export type { EventEnvelope } from './envelope/event-envelope';
export { MalformedEventError } from './envelope/malformed-event-error';
export { decodeStreamEntry, encodeStreamEntry } from './envelope/stream-entry';
export type { StreamEntryFields } from './envelope/stream-entry';
export { defineEvent } from './schema/define-event';
export type { EventContract, EventData, EventDefinition } from './schema/define-event';
export { EventCatalog } from './schema/event-catalog';
export { EventValidationError } from './schema/event-validation-error';
export type { ValidationIssue } from './schema/event-validation-error';
export { allowUnknownProperties } from './schema/json-schema';
export type { JsonSchema } from './schema/json-schema';
export { currencyCode, minorUnits } from './schema/money';
export { defineDataProduct } from './product/define-data-product';
export type {
  ApiPortDefinition,
  ClassifiedField,
  DataProduct,
  DataProductDefinition,
  DataProductManifest,
  DataProductOwner,
  FieldClassification,
  InputPortDefinition,
  OutputPortsDefinition,
  ServiceLevels,
  StreamPortDefinition,
} from './product/data-product';
export type {
  DataProductDocument,
  DataProductStatus,
  InputStreamStatus,
  OutboxStatus,
  OutputStreamStatus,
  ServiceLevelCheck,
} from './product/data-product-status';

export { createEvent } from './envelope/create-event';
export type { NewEvent } from './envelope/create-event';
export type { EventEnvelope } from './envelope/event-envelope';
export { MalformedEventError } from './envelope/malformed-event-error';
export { decodeStreamEntry, encodeStreamEntry } from './envelope/stream-entry';
export type { StreamEntryFields } from './envelope/stream-entry';
export { streamKey, streamKeyNote, streamNameOf } from './envelope/stream-key';
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
  StreamReplay,
} from './product/data-product';
export { DEFAULT_STREAM_REPLAY } from './product/data-product';
export type {
  DataProductDocument,
  DataProductStatus,
  InputStreamStatus,
  OutboxStatus,
  OutputStreamStatus,
  ServiceLevelCheck,
} from './product/data-product-status';
// Generated contract documents (AsyncAPI, JSON Schema, ODCS, Backstage) and the breaking-change gate.
export {
  ASYNCAPI_PATH,
  CATALOG_INFO_PATH,
  MANIFEST_PATH,
  renderContractArtifacts,
} from './export/contract-artifacts';
export type { ArtifactOptions, ContractArtifact } from './export/contract-artifacts';
export { toAsyncApi } from './export/asyncapi-document';
export type { AsyncApiOptions } from './export/asyncapi-document';
export { eventSchemaPath, toEventJsonSchema } from './export/event-json-schema';
export { odcsContractPath, toOdcsContracts } from './export/odcs-contract';
export type { OdcsOptions } from './export/odcs-contract';
export { toBackstageEntities } from './export/backstage-catalog';
export type { BackstageOptions } from './export/backstage-catalog';
export type { JsonObject, JsonValue } from './export/json-document';
export { compareEventSchemas } from './compat/compare-schemas';
export { findBreakingChanges } from './compat/compare-contracts';
export type { CompareOptions } from './compat/compare-contracts';
export { describeFinding } from './compat/describe-finding';
export { publishedContractsOf } from './compat/published-contracts';
export type { PublishedContracts, PublishedSchema } from './compat/published-contracts';
export type { CompatFinding, CompatRule, ContractRule, SchemaChange, SchemaRule } from './compat/compat-finding';

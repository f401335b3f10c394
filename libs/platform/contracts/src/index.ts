export { boundedPage, MAX_PAGE_OFFSET } from './api/bounded-page';
export type { NewEvent } from './envelope/create-event';
export { createEvent } from './envelope/create-event';
export type { EventEnvelope } from './envelope/event-envelope';
export { MalformedEventError } from './envelope/malformed-event-error';
export type { StreamEntryFields } from './envelope/stream-entry';
export { decodeStreamEntry, encodeStreamEntry } from './envelope/stream-entry';
export { streamKey, streamKeyNote, streamNameOf } from './envelope/stream-key';
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
  DataQualityStatus,
  InputStreamStatus,
  OutboxStatus,
  OutputStreamStatus,
  QualityRuleResult,
  ServiceLevelCheck,
} from './product/data-product-status';
export { defineDataProduct } from './product/define-data-product';
export type {
  EventQualityRule,
  QualityCheck,
  QualityDimension,
  QualityEvent,
  QualityRuleDefinition,
  QualityRuleManifest,
  ResourceQualityRule,
} from './product/quality-rules';
export { envelopeRules, eventRules, resourceRules } from './product/quality-rules';
export type { EventContract, EventData, EventDefinition } from './schema/define-event';
export { defineEvent } from './schema/define-event';
export { EventCatalog } from './schema/event-catalog';
export type { ValidationIssue } from './schema/event-validation-error';
export { EventValidationError } from './schema/event-validation-error';
export type { JsonSchema } from './schema/json-schema';
export { allowUnknownProperties } from './schema/json-schema';
export { currencyCode, minorUnits } from './schema/money';
// Generated contract documents (AsyncAPI, JSON Schema, ODCS, Backstage) and the breaking-change gate.
export type { CompareOptions } from './compat/compare-contracts';
export { findBreakingChanges } from './compat/compare-contracts';
export { compareEventSchemas } from './compat/compare-schemas';
export type { CompatFinding, CompatRule, ContractRule, SchemaChange, SchemaRule } from './compat/compat-finding';
export { describeFinding } from './compat/describe-finding';
export type { PublishedContracts, PublishedSchema } from './compat/published-contracts';
export { publishedContractsOf } from './compat/published-contracts';
export type { AsyncApiOptions } from './export/asyncapi-document';
export { toAsyncApi } from './export/asyncapi-document';
export type { BackstageOptions } from './export/backstage-catalog';
export { toBackstageEntities } from './export/backstage-catalog';
export type { ArtifactOptions, ContractArtifact } from './export/contract-artifacts';
export {
  ASYNCAPI_PATH,
  CATALOG_INFO_PATH,
  MANIFEST_PATH,
  renderContractArtifacts,
} from './export/contract-artifacts';
export { eventSchemaPath, toEventJsonSchema } from './export/event-json-schema';
export type { JsonObject, JsonValue } from './export/json-document';
export type { OdcsOptions } from './export/odcs-contract';
export { odcsContractPath, toOdcsContracts } from './export/odcs-contract';

import type { DataProductDocument } from '@mesh/contract-kit';
import { z } from 'zod';

// What the catalog reads from a domain's `/.well-known/data-product`. A manifest is input from
// another service, so it is checked before the lineage or the page rely on its shape. Fields the
// catalog does not know are not checked; parseDocument keeps them (see there).

const text = z.string();
const figure = z.number().nullable();

const manifestSchema = z.object({
  name: text.min(1),
  domain: text.min(1),
  title: text,
  description: text,
  version: text,
  owner: z.object({ team: text, contact: text }),
  outputPorts: z.object({
    api: z.object({ description: text, openApiPath: text }),
    streams: z.array(
      z.object({
        stream: text.min(1),
        // The Redis key; absent from manifests served before the contracts published keys.
        key: text.min(1).optional(),
        description: text,
        // The replay window and cap; absent from manifests served before streams declared them.
        replay: z.object({ windowHours: z.number(), capHours: z.number() }).optional(),
        events: z.array(
          z.object({
            type: text,
            version: z.number(),
            dataschema: text,
            description: text,
            // The data's JSON Schema; absent from manifests served before they carried schemas.
            // Read by schemaFields, which takes any shape and shows what it understands.
            schema: z.unknown().optional(),
          }),
        ),
      }),
    ),
  }),
  inputPorts: z.array(
    z.object({
      stream: text.min(1),
      key: text.min(1).optional(),
      from: text.min(1),
      group: text.min(1),
      eventTypes: z.array(text),
      description: text,
    }),
  ),
  serviceLevels: z.object({
    freshnessSeconds: z.number().optional(),
    maxConsumerLag: z.number(),
    maxOutboxAgeSeconds: z.number(),
    availability: text,
  }),
  classifiedFields: z.array(z.object({ path: text, classification: text })),
  // The data-quality rules; absent from manifests served before products declared them.
  quality: z
    .array(
      z.object({
        id: text.min(1),
        description: text,
        dimension: text,
        kind: text,
        eventTypes: z.array(text).optional(),
        resource: text.optional(),
      }),
    )
    .optional(),
});

// A part the domain could not measure has null figures and an `error` saying why.
const problem = text.optional();

const statusSchema = z.object({
  measuredAt: text,
  outputs: z.array(
    z.object({
      stream: text,
      length: figure,
      groups: z.array(
        // lostToCap is optional: a domain on an older platform does not report it.
        z.object({ name: text, lag: figure, pending: figure, consumers: figure, lostToCap: figure.optional() }),
      ),
      error: problem,
    }),
  ),
  inputs: z.array(
    z.object({
      stream: text,
      group: text,
      lag: figure,
      pending: figure,
      deadLetters: figure,
      lostToCap: figure.optional(),
      behindSeconds: figure.optional(),
      lastDeliveredAt: text.nullable().optional(),
      error: problem,
    }),
  ),
  outbox: z.object({ backlog: figure, oldestAgeSeconds: figure, error: problem }),
  freshnessSeconds: figure,
  // How the rules fared on the product's last sample; absent from services that predate them.
  quality: z
    .object({
      checkedAt: text,
      rules: z.array(
        z.object({
          id: text,
          description: text,
          dimension: text,
          target: text,
          sampled: figure,
          failed: figure,
          failing: z.array(text),
          kept: z.boolean(),
          error: problem,
        }),
      ),
    })
    .optional(),
  serviceLevels: z.array(z.object({ name: text, objective: text, measured: text, kept: z.boolean() })),
});

export const dataProductDocumentSchema = z.object({ manifest: manifestSchema, status: statusSchema });

/** A document as the catalog has checked it. */
export type CatalogDocument = z.output<typeof dataProductDocumentSchema>;
export type CatalogManifest = CatalogDocument['manifest'];

/**
 * Fails the type-check when the contract kit's document grows a shape this schema would refuse,
 * so a domain serving exactly its contract is never shown as broken.
 */
type Accepts<Schema, Contract extends Schema> = Contract;
export type ContractIsAccepted = Accepts<z.input<typeof dataProductDocumentSchema>, DataProductDocument>;

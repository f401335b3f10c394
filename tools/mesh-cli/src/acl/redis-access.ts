import type { DataProductManifest } from '@mesh/contract-kit';
import { streamKeys } from '@mesh/messaging';

import {
  blockingReaderCommands,
  clusterClientCommands,
  connectionCommands,
  consumeCommands,
  deadLetterCommands,
  groupRemovalCommands,
  inspectCommands,
  lostCountCommands,
  lostReadCommands,
  operatorConnectionCommands,
  ownStreamCommands,
  prefixCommands,
  publishCommands,
  redriveCommands,
  replicaWaitCommands,
  sampleCommands,
} from './acl-commands';

/** Commands allowed on a set of keys: one ACL selector, `(~key … +command …)`. */
export interface KeySelector {
  /** What the selector is for, in words. */
  purpose: string;
  /** Key glob patterns. */
  keys: string[];
  commands: readonly string[];
}

/** What one Redis user may do. */
export interface RedisUserAccess {
  user: string;
  /** Key-less commands, allowed outright. */
  commands: readonly string[];
  /** Everything that touches a key, scoped to the keys it may touch. */
  selectors: KeySelector[];
}

/** The CLI's user: inspects every stream, lists and redrives dead letters, nothing else. */
export const OPERATOR_USER = 'mesh-operator';

/** The catalog's user: reads the newest entries of the output streams for its live samples, nothing else. */
export const CATALOG_USER = 'mesh-catalog';

/**
 * Domains whose service reads its inputs with purpose groups of its own and destroys them when
 * done: analytics' rebuild (`analytics-rebuild-<job>`, apps/analytics/src/rebuild/replay-consumer.ts).
 * A manifest does not declare this, so a domain that starts doing it is added here; every other
 * domain is refused XGROUP DESTROY everywhere.
 */
export const PURPOSE_GROUP_REMOVERS: ReadonlySet<string> = new Set(['analytics']);

export interface DomainAccessOptions {
  /** XGROUP DESTROY on its input streams; by default for the domains in PURPOSE_GROUP_REMOVERS. */
  removesPurposeGroups?: boolean;
}

/**
 * A domain's user, from its manifest: it publishes only to its output streams, consumes only
 * its declared inputs, writes only the dead-letter and redrive streams of its own groups, and
 * owns its `redisKeyPrefixes`. A group `<group>-<purpose>` (e.g. a rebuild's `analytics-rebuild-7`)
 * counts as the domain's too, so its replay groups get their own dead letters. It manages no group
 * on its output streams (those are its consumers'), and destroys none unless it removes purpose groups.
 */
export function domainAccess(manifest: DataProductManifest, options: DomainAccessOptions = {}): RedisUserAccess {
  const removesPurposeGroups = options.removesPurposeGroups ?? PURPOSE_GROUP_REMOVERS.has(manifest.domain);
  const selectors: KeySelector[] = [];
  const outputs = manifest.outputPorts.streams.map((port) => streamKeys.source(port.stream));
  if (outputs.length > 0) {
    selectors.push({
      purpose: 'publish to, trim and inspect its output streams',
      keys: outputs,
      commands: publishCommands,
    });
    selectors.push({
      purpose: "count the entries groups lost to its streams' caps",
      keys: manifest.outputPorts.streams.map((port) => streamKeys.lost(port.stream)),
      commands: lostCountCommands,
    });
  }
  const inputs = manifest.inputPorts;
  selectors.push(...consumerSelectors(inputs, removesPurposeGroups));
  if (manifest.redisKeyPrefixes.length > 0) {
    selectors.push({
      purpose: 'its own keys (BullMQ queues)',
      keys: manifest.redisKeyPrefixes.flatMap((prefix) => [`${prefix}*`, `${hashTagged(prefix)}*`]),
      commands: prefixCommands,
    });
  }
  const commands = [
    ...connectionCommands,
    ...clusterClientCommands,
    ...replicaWaitCommands,
    ...(inputs.length > 0 ? blockingReaderCommands : []),
  ];
  return { user: manifest.domain, commands, selectors };
}

/** The operator user for `npm run mesh -- groups|dead-letters|redrive` on every stream of the mesh. */
export function operatorAccess(manifests: readonly DataProductManifest[]): RedisUserAccess {
  const streams = unique(
    manifests.flatMap((manifest) => [
      ...manifest.outputPorts.streams.map((port) => port.stream),
      ...manifest.inputPorts.map((port) => port.stream),
    ]),
  );
  return {
    user: OPERATOR_USER,
    // The CLI's streams commands reach a cluster the way the services do.
    commands: [...operatorConnectionCommands, ...clusterClientCommands],
    selectors: [
      {
        purpose: 'inspect every stream and its groups',
        keys: streams.map(streamKeys.source),
        commands: inspectCommands,
      },
      {
        purpose: 'list dead letters and take out the redriven ones',
        keys: streams.map((stream) => streamKeys.deadLetter(stream, '*')),
        commands: deadLetterCommands,
      },
      {
        purpose: 'send dead letters back to their group',
        keys: streams.map((stream) => streamKeys.redrive(stream, '*')),
        commands: redriveCommands,
      },
    ],
  };
}

/**
 * The catalog's user: XREVRANGE and XRANGE on every output stream a manifest declares, and only
 * there: no dead-letter or redrive stream, no group, no key-less command (not even PING).
 */
export function catalogAccess(manifests: readonly DataProductManifest[]): RedisUserAccess {
  const streams = unique(manifests.flatMap((manifest) => manifest.outputPorts.streams.map((port) => port.stream)));
  return {
    user: CATALOG_USER,
    commands: [],
    selectors: [{ purpose: 'read the newest entries of every output stream (live samples)', keys: streams.map(streamKeys.source), commands: sampleCommands }],
  };
}

/** What a domain needs on its inputs: none without input ports. */
function consumerSelectors(inputs: DataProductManifest['inputPorts'], removesPurposeGroups: boolean): KeySelector[] {
  if (inputs.length === 0) return [];
  const sources = unique(inputs.map(({ stream }) => streamKeys.source(stream)));
  const redrive = inputs.flatMap(({ stream, group }) => groupKeys(stream, group, streamKeys.redrive));
  const deadLetter = inputs.flatMap(({ stream, group }) => groupKeys(stream, group, streamKeys.deadLetter));
  const removal: KeySelector = {
    purpose: 'remove its purpose groups (a rebuild) from its input streams',
    keys: sources,
    commands: groupRemovalCommands,
  };
  return [
    {
      // One selector for sources and redrive streams: a consumer reads them in one XREADGROUP.
      purpose: 'consume its input streams with its own groups',
      keys: unique([...sources, ...redrive]),
      commands: consumeCommands,
    },
    ...(removesPurposeGroups ? [removal] : []),
    {
      purpose: "read what its groups lost to its inputs' caps",
      keys: unique(inputs.map(({ stream }) => streamKeys.lost(stream))),
      commands: lostReadCommands,
    },
    {
      purpose: 'move entries to its dead-letter streams and redrive them',
      keys: unique([...deadLetter, ...redrive]),
      commands: ownStreamCommands,
    },
  ];
}

function groupKeys(stream: string, group: string, key: (stream: string, group: string) => string): string[] {
  return [key(stream, group), key(stream, `${group}-*`)];
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

/**
 * A key prefix as BullMQ takes it on a Redis Cluster: `analytics:` → `{analytics}:`, a hash tag
 * that keeps all of a queue's keys in one slot (apps/analytics/src/jobs/queue-connection.ts).
 * The ACL grants both forms, so that one file serves one server and a cluster alike.
 */
export function hashTagged(prefix: string): string {
  const name = prefix.endsWith(':') ? prefix.slice(0, -1) : prefix;
  return `{${name}}:`;
}

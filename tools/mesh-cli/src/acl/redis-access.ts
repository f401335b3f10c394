import type { DataProductManifest } from '@mesh/contract-kit';
import { streamKeys } from '@mesh/messaging';

import {
  connectionCommands,
  consumeCommands,
  deadLetterCommands,
  inspectCommands,
  lostCountCommands,
  lostReadCommands,
  ownStreamCommands,
  prefixCommands,
  publishCommands,
  redriveCommands,
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

/**
 * A domain's user, from its manifest: it publishes only to its output streams, consumes only
 * its declared inputs, writes only the dead-letter and redrive streams of its own groups, and
 * owns its `redisKeyPrefixes`. A group `<group>-<purpose>` (e.g. a rebuild's `analytics-rebuild-7`)
 * counts as the domain's too, so its replay groups get their own dead letters.
 */
export function domainAccess(manifest: DataProductManifest): RedisUserAccess {
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
  if (inputs.length > 0) {
    const redrive = inputs.flatMap(({ stream, group }) => groupKeys(stream, group, streamKeys.redrive));
    const deadLetter = inputs.flatMap(({ stream, group }) => groupKeys(stream, group, streamKeys.deadLetter));
    selectors.push({
      // One selector for sources and redrive streams: a consumer reads them in one XREADGROUP.
      purpose: 'consume its input streams with its own groups',
      keys: unique([...inputs.map(({ stream }) => streamKeys.source(stream)), ...redrive]),
      commands: consumeCommands,
    });
    selectors.push({
      purpose: "read what its groups lost to its inputs' caps",
      keys: unique(inputs.map(({ stream }) => streamKeys.lost(stream))),
      commands: lostReadCommands,
    });
    selectors.push({
      purpose: 'move entries to its dead-letter streams and redrive them',
      keys: unique([...deadLetter, ...redrive]),
      commands: ownStreamCommands,
    });
  }
  if (manifest.redisKeyPrefixes.length > 0) {
    selectors.push({
      purpose: 'its own keys (BullMQ queues)',
      keys: manifest.redisKeyPrefixes.map((prefix) => `${prefix}*`),
      commands: prefixCommands,
    });
  }
  return { user: manifest.domain, commands: connectionCommands, selectors };
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
    commands: connectionCommands.filter((command) => command !== 'client|unblock'),
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

function groupKeys(stream: string, group: string, key: (stream: string, group: string) => string): string[] {
  return [key(stream, group), key(stream, `${group}-*`)];
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

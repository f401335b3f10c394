import type { InputPortDefinition, InputStreamStatus } from '@mesh/contract-kit';
import type { RedisClient } from '@mesh/service';

import { type GroupInfo, readGroups } from '../streams/group-info';
import { minStreamId } from '../streams/stream-id';
import { streamKeys } from '../streams/stream-keys';
import { oldestUnapplied } from './oldest-unapplied';
import { entryAgeSeconds, entryTimeMs } from './stream-entry-age';

type InputPort = Pick<InputPortDefinition, 'stream' | 'group'>;

/**
 * How far this domain's group is on one input: lag and pending on the stream and on the group's
 * redrive stream (dead letters sent back, which only this group reads), its dead letters, and how
 * old the oldest entry it has not applied yet is (0 when caught up).
 */
export async function measureInputStream(redis: RedisClient, port: InputPort, nowMs: number): Promise<InputStreamStatus> {
  const { stream, group } = port;
  const sourceKey = streamKeys.source(stream);
  const redriveKey = streamKeys.redrive(stream, group);
  const [sourceGroups, redriveGroups, deadLetters, lost] = await Promise.all([
    readGroups(redis, sourceKey),
    readGroups(redis, redriveKey),
    redis.xlen(streamKeys.deadLetter(stream, group)),
    redis.hget(streamKeys.lost(stream), group),
  ]);
  const lostToCap = Number(lost ?? 0);
  const onSource = sourceGroups.find((candidate) => candidate.name === group);
  if (!onSource) {
    const error = `consumer group "${group}" does not exist on ${stream} yet (its consumer has not started)`;
    return {
      stream,
      group,
      lag: null,
      pending: 0,
      deadLetters,
      lostToCap,
      behindSeconds: null,
      lastDeliveredAt: null,
      error,
    };
  }
  const onRedrive = redriveGroups.find((candidate) => candidate.name === group);
  const [source, redrive] = await Promise.all([
    oldestUnapplied(redis, sourceKey, onSource),
    onRedrive ? oldestUnapplied(redis, redriveKey, onRedrive) : { oldestId: undefined, lag: 0 },
  ]);
  const oldest = [source.oldestId, redrive.oldestId].filter((id): id is string => id !== undefined);
  return {
    stream,
    group,
    lag: source.lag === null || redrive.lag === null ? null : source.lag + redrive.lag,
    pending: onSource.pending + (onRedrive?.pending ?? 0),
    deadLetters,
    lostToCap,
    behindSeconds: oldest.length === 0 ? 0 : entryAgeSeconds(minStreamId(oldest), nowMs),
    lastDeliveredAt: deliveredAt(onSource),
  };
}

function deliveredAt(group: GroupInfo): string | null {
  const time = entryTimeMs(group.lastDeliveredId);
  return time > 0 ? new Date(time).toISOString() : null;
}

import { readFile } from 'node:fs/promises';

import { MeshApi } from '../../../kit/src/api/mesh-api';
import { longLived, type ReplicaFleet, slotName } from '../scenario/replica-fleet';
import { heapAfterFullCollection } from './inspector';
import type { SeriesTable } from './series-table';

/**
 * Each replica's resident memory (from /proc, as the kernel counts it) and V8 heap in use (its
 * own `/metrics`, prom-client's `nodejs_heap_size_used_bytes`), wherever the garbage collector's
 * cycle stands: charted, not judged. A replica being restarted is skipped (a gap in its series).
 */
export async function sampleProcesses(fleet: ReplicaFleet, table: SeriesTable): Promise<void> {
  await Promise.all(
    fleet.slots.map(async (slot) => {
      const pid = fleet.pid(slot);
      if (pid === undefined) return;
      const [rss, heap] = await Promise.all([residentBytes(pid), heapUsedBytes(fleet.url(slot))]);
      if (rss !== undefined) table.record(`${slotName(slot)} RSS`, 'bytes', rss, { memory: 'between-collections' });
      if (heap !== undefined) table.record(`${slotName(slot)} heap used`, 'bytes', heap, { memory: 'between-collections' });
    }),
  );
}

/**
 * The memory the soak judges: of each replica that runs throughout, after a full collection
 * through its inspector, its heap (the live set) and its RSS right after. One at a time, so that
 * the pauses do not add up.
 */
export async function sampleCollectedMemory(fleet: ReplicaFleet, table: SeriesTable): Promise<void> {
  for (const slot of fleet.slots.filter(longLived)) {
    const pid = fleet.pid(slot);
    if (pid === undefined) continue;
    const heap = await heapAfterFullCollection(fleet.inspectorPort(slot));
    const rss = await residentBytes(pid);
    table.record(`${slotName(slot)} heap after full GC`, 'bytes', heap, { memory: 'after-collection' });
    if (rss !== undefined) table.record(`${slotName(slot)} RSS after full GC`, 'bytes', rss, { memory: 'after-collection' });
  }
}

async function residentBytes(pid: number): Promise<number | undefined> {
  try {
    const status = await readFile(`/proc/${pid}/status`, 'utf8');
    const kib = /^VmRSS:\s+(\d+) kB/m.exec(status);
    return kib ? Number(kib[1]) * 1024 : undefined;
  } catch {
    return undefined;
  }
}

async function heapUsedBytes(baseUrl: string): Promise<number | undefined> {
  const metrics = await new MeshApi({ name: 'metrics', baseUrl, timeoutMs: 3_000 }).call({
    method: 'GET',
    path: '/metrics',
  });
  if (metrics.kind === 'no-answer') return undefined;
  const heap = /^nodejs_heap_size_used_bytes(?:\{[^}]*\})? (\d+(?:\.\d+)?(?:e\+\d+)?)/m.exec(metrics.text);
  return heap ? Number(heap[1]) : undefined;
}

import { readFile } from 'node:fs/promises';

import { type ReplicaFleet, slotName } from '../scenario/replica-fleet';
import type { SeriesTable } from './series-table';

/**
 * Each replica's resident memory (from /proc, as the kernel counts it) and V8 heap in use (its
 * own `/metrics`, prom-client's `nodejs_heap_size_used_bytes`). A replica being restarted, or
 * restarted less than PROCESS_WARM_UP_MS ago, is skipped: its series has a gap there, so that the
 * peak of a process starting up is not read as growth.
 */
export async function sampleProcesses(fleet: ReplicaFleet, table: SeriesTable): Promise<void> {
  await Promise.all(
    fleet.slots.map(async (slot) => {
      const pid = fleet.pid(slot);
      if (pid === undefined || fleet.warmingUp(slot)) return;
      const [rss, heap] = await Promise.all([residentBytes(pid), heapUsedBytes(fleet.url(slot))]);
      if (rss !== undefined) table.record(`${slotName(slot)} RSS`, 'bytes', rss, true);
      if (heap !== undefined) table.record(`${slotName(slot)} heap used`, 'bytes', heap, true);
    }),
  );
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
  try {
    const response = await fetch(`${baseUrl}/metrics`, { signal: AbortSignal.timeout(3_000) });
    const heap = /^nodejs_heap_size_used_bytes(?:\{[^}]*\})? (\d+(?:\.\d+)?(?:e\+\d+)?)/m.exec(await response.text());
    return heap ? Number(heap[1]) : undefined;
  } catch {
    return undefined;
  }
}

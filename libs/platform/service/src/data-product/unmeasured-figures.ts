import type { DataProductManifest } from '@mesh/contract-kit';

import type { MeasuredFigures } from './data-product-status-source';

/** Every figure of the manifest's ports as null, each part saying why: the answer when measuring failed as a whole. */
export function unmeasuredFigures(manifest: DataProductManifest, reason: string): MeasuredFigures {
  return {
    outputs: manifest.outputPorts.streams.map(({ stream }) => ({ stream, length: null, groups: [], error: reason })),
    inputs: manifest.inputPorts.map(({ stream, group }) => ({
      stream,
      group,
      lag: null,
      pending: null,
      deadLetters: null,
      behindSeconds: null,
      lastDeliveredAt: null,
      lostToCap: null,
      error: reason,
    })),
    outbox: { backlog: null, oldestAgeSeconds: null, error: reason },
    freshnessSeconds: null,
  };
}

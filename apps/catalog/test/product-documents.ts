import { analyticsProduct } from '@mesh/analytics-contracts';
import type { DataProduct, DataProductDocument, DataProductStatus, InputStreamStatus } from '@mesh/contract-kit';
import { customersProduct } from '@mesh/customers-contracts';
import { ordersProduct } from '@mesh/orders-contracts';

/**
 * Documents as the domains serve them: their real manifests (from their contracts libraries)
 * with a status the test chooses. Each input and output starts at zero; `status` overrides.
 */
export function documentOf(product: DataProduct, status: Partial<DataProductStatus> = {}): DataProductDocument {
  const { manifest } = product;
  return {
    manifest,
    status: {
      measuredAt: '2026-11-28T12:00:00.000Z',
      outputs: manifest.outputPorts.streams.map((port) => ({ stream: port.stream, length: 0, groups: [] })),
      inputs: manifest.inputPorts.map((port) => inputStatus(port.stream, port.group)),
      outbox: { backlog: 0, oldestAgeSeconds: null },
      freshnessSeconds: null,
      serviceLevels: [],
      ...status,
    },
  };
}

export const products = { orders: ordersProduct, customers: customersProduct, analytics: analyticsProduct };

/** An input's figures, caught up unless `figures` says otherwise. */
export function inputStatus(
  stream: string,
  group: string,
  figures: Partial<InputStreamStatus> = {},
): InputStreamStatus {
  return {
    stream,
    group,
    lag: 0,
    pending: 0,
    deadLetters: 0,
    lostToCap: 0,
    behindSeconds: 0,
    lastDeliveredAt: null,
    ...figures,
  };
}

import { customersProduct } from '@mesh/customers-contracts';
import { ordersProduct } from '@mesh/orders-contracts';

import type { CatalogManifest } from '../products/data-product-document.schema';
import { eventTypeView } from './event-type-view';

describe('eventTypeView', () => {
  const manifests: CatalogManifest[] = [ordersProduct.manifest, customersProduct.manifest];

  it('gives the producer, the schema table and the consumers that handle the type', () => {
    const view = eventTypeView(manifests, 'orders.order.placed');
    expect(view?.producer).toEqual({ name: 'orders', title: 'Orders', ownerTeam: 'order-management', contact: 'orders-team@example.com' });
    expect(view?.versions.map((version) => [version.version, version.stream, version.current])).toEqual([[1, 'orders.order.v1', true]]);
    expect(view?.versions[0].fields.map((field) => field.name)).toContain('lines[].sku');
    expect(view?.consumers).toEqual([{ domain: 'customers', group: 'customers', stream: 'orders.order.v1' }]);
  });

  it('lists every major version still published, newest first, each with its own stream and schema', () => {
    const [v1] = ordersProduct.manifest.outputPorts.streams;
    const placedV1 = v1.events[0];
    const v2 = {
      ...v1,
      stream: 'orders.order.v2',
      key: '{orders.order.v2}',
      events: [
        {
          ...placedV1,
          version: 2,
          dataschema: 'urn:mesh:schema:orders.order.placed:v2',
          schema: { type: 'object', properties: { orderId: { type: 'string' } }, required: ['orderId'] },
        },
      ],
    };
    const orders = { ...ordersProduct.manifest, outputPorts: { ...ordersProduct.manifest.outputPorts, streams: [v1, v2] } };
    const view = eventTypeView([orders, customersProduct.manifest], 'orders.order.placed');
    expect(view?.versions.map((version) => `v${version.version} ${version.stream} ${version.current ? 'current' : 'older'} ${version.fields.length}`)).toEqual([
      'v2 orders.order.v2 current 1',
      'v1 orders.order.v1 older 9',
    ]);
  });

  it('says nothing of a type no manifest publishes, and marks a manifest without schemas', () => {
    expect(eventTypeView(manifests, 'orders.order.lost')).toBeUndefined();
    const [port] = ordersProduct.manifest.outputPorts.streams;
    const old = { ...ordersProduct.manifest, outputPorts: { ...ordersProduct.manifest.outputPorts, streams: [{ ...port, events: port.events.map(({ schema: _schema, ...event }) => event) }] } };
    expect(eventTypeView([old], 'orders.order.placed')?.versions[0]).toMatchObject({ schemaPublished: false, fields: [] });
  });
});

import { cp, readFile, rm, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';

import { editCopiedFile, newCopyFolder, removeCopies, runContractsCli, WORKSPACE as workspace } from '../test/gate-copies';
import { readGeneratedFolder } from './generated-folder';

/**
 * The gate end to end, on a copy of the orders contracts library: the real CLI, run the way the
 * Nx targets run it. The copy lives in the workspace's tmp/ so that its imports (zod, the contract
 * kit through the tsconfig paths) resolve as the original's do.
 */
jest.setTimeout(120_000);

describe('contract gate (orders contracts, copied)', () => {
  let library: string;
  let generated: string;

  const run = (command: 'check' | 'write', ...extra: string[]) =>
    runContractsCli(command, [
      `--module=${relative(workspace, join(library, 'src/index.ts'))}`,
      '--export=ordersProduct',
      '--project=orders-contracts',
      `--out=${relative(workspace, generated)}`,
      '--serviceUrl=http://localhost:3001',
      ...extra,
    ]);

  const editEvent = (file: string, from: string, to: string) => editFile(`events/${file}`, from, to);
  const editFile = (file: string, from: string, to: string) => editCopiedFile(join(library, 'src', file), from, to);

  beforeEach(async () => {
    library = await newCopyFolder('contract-gate');
    generated = join(library, 'generated');
    await cp(join(workspace, 'libs/orders/contracts/src'), join(library, 'src'), { recursive: true });
    await cp(join(workspace, 'libs/orders/contracts/generated'), generated, { recursive: true });
    // These runs gate the event contracts alone (no --app); api-gate.spec.ts gates the REST API.
    await rm(join(generated, 'openapi.json'));
  });

  afterEach(async () => {
    await removeCopies(library);
  });

  it('passes the committed contracts unchanged', () => {
    const { code, output } = run('check');
    expect(output).toContain(
      'orders-contracts: contracts compatible with the committed ones; 7 generated files current',
    );
    expect(code).toBe(0);
  });

  it('fails a breaking change, names event, field and rule, and refuses to write it', async () => {
    await editEvent('order-placed.event.ts', 'total: minorUnits,', 'total: minorUnits.max(1_000_000),');
    const before = await readGeneratedFolder(generated);

    const check = run('check');
    expect(check.code).toBe(1);
    expect(check.output).toContain(
      'breaking: orders.order.placed v1, field "total": bound-tightened (maximum ≤ 9007199254740991 → ≤ 1000000). ' +
        'Make the change compatible (add fields as optional, only widen types) or ship it as orders.order.placed v2 on a new stream (orders.order.v2)',
    );

    const write = run('write');
    expect(write.code).toBe(1);
    expect(write.output).toContain('orders-contracts: not written, the code breaks the committed contracts');
    expect(await readGeneratedFolder(generated)).toEqual(before);
  });

  it('fails a removed field and an event type that left the manifest', async () => {
    await editEvent('order-cancelled.event.ts', 'reason: z.string().max(500).optional(),', '');
    await editEvent('order-cancelled.event.ts', "reason: 'changed my mind',", '');
    await editFile(
      'product/orders.product.ts',
      'events: [orderPlaced, orderCancelled, orderShipped]',
      'events: [orderPlaced, orderCancelled]',
    );
    // The quality rules may name only events the product publishes (defineDataProduct refuses others).
    await editFile('product/orders-quality.ts', '[orderPlaced, orderCancelled, orderShipped]', '[orderPlaced, orderCancelled]');
    await editFile('product/orders-quality.ts', "import { orderShipped } from '../events/order-shipped.event';\n", '');
    const check = run('check');
    expect(check.code).toBe(1);
    expect(check.output).toContain(
      'breaking: orders.order.cancelled v1, field "reason": field-removed ("reason" is no longer in the schema)',
    );
    expect(check.output).toContain(
      'breaking: orders.order.shipped v1: event-removed (no longer published on orders.order.v1)',
    );
  });

  it('passes a compatible change once the artifacts are regenerated', async () => {
    await editEvent(
      'order-placed.event.ts',
      'total: minorUnits,',
      'total: minorUnits,\n    note: z.string().max(200).optional(),',
    );

    const stale = run('check');
    expect(stale.code).toBe(1);
    expect(stale.output).not.toContain('breaking:');
    expect(stale.output).toContain('/generated/schemas/orders.order.placed.v1.json is stale');
    expect(stale.output).toContain('run `npx nx run orders-contracts:contracts` and commit the result');

    const write = run('write');
    expect(write.code).toBe(0);
    // The schema file, the AsyncAPI document, the ODCS contract and the manifest (which embeds the schema).
    expect(write.output).toMatch(/orders-contracts: 4 written, 0 removed, 3 unchanged/);
    expect(
      JSON.parse(await readFile(join(generated, 'schemas/orders.order.placed.v1.json'), 'utf8')).properties.note,
    ).toEqual({
      type: 'string',
      maxLength: 200,
    });

    const check = run('check');
    expect(check.output).toContain('contracts compatible with the committed ones');
    expect(check.code).toBe(0);
  });

  it('passes a breaking change shipped as a new major version on a new stream', async () => {
    await writeFile(
      join(library, 'src/events/order-placed-v2.event.ts'),
      [
        "import { defineEvent } from '@mesh/contract-kit';",
        "import { z } from 'zod';",
        '',
        'export const orderPlacedV2 = defineEvent({',
        "  type: 'orders.order.placed',",
        '  version: 2,',
        "  source: '/orders',",
        "  description: 'An order was placed; v2 drops the lines.',",
        '  schema: z.object({ orderId: z.uuid(), total: z.int().nonnegative() }),',
        "  example: { orderId: '0190f5b2-7f2a-7cc1-9a55-3f6f0c1d2e3a', total: 1 },",
        '});',
        '',
      ].join('\n'),
    );
    await editFile(
      'product/orders.product.ts',
      '    ],\n  },\n  inputPorts',
      "      { stream: 'orders.order.v2', description: 'Order facts, v2.', events: [orderPlacedV2] },\n    ],\n  },\n  inputPorts",
    );
    await editFile(
      'product/orders.product.ts',
      'import { orderShipped }',
      "import { orderPlacedV2 } from '../events/order-placed-v2.event';\nimport { orderShipped }",
    );

    const stale = run('check');
    expect(stale.output).not.toContain('breaking:');
    expect(stale.output).toContain('/generated/schemas/orders.order.placed.v2.json is missing');
    expect(run('write').code).toBe(0);
    const files = await readGeneratedFolder(generated);
    expect(JSON.parse(files.get('schemas/orders.order.placed.v2.json') ?? '{}')).toMatchObject({
      $id: 'urn:mesh:schema:orders.order.placed:v2',
    });
    expect(files.get('odcs/orders.order.v2.yaml')).toContain('name: orders.order.v2');
    expect(run('check').code).toBe(0);
  });

  it('passes the first publication of the Redis keys, and fails a published key that moved', async () => {
    const manifest = join(generated, 'data-product.json');
    const committed = await readFile(manifest, 'utf8');
    // As committed before the documents named keys: nothing was promised, so nothing breaks.
    await writeFile(manifest, committed.replace(/^ *"key": .*\n/gm, ''));
    const first = run('check');
    expect(first.output).not.toContain('breaking:');
    expect(first.output).toContain('/generated/data-product.json is stale');

    // A consumer reads where the committed manifest says; a different key there would strand it.
    await writeFile(manifest, committed.replace('"key": "{orders.order.v1}"', '"key": "orders.order.v1"'));
    const moved = run('check');
    expect(moved.code).toBe(1);
    expect(moved.output).toContain(
      'breaking: stream orders.order.v1: stream-key-changed (its Redis key was orders.order.v1, now {orders.order.v1})',
    );
  });

  it('finds a generated file that no longer matches, no longer belongs or went missing', async () => {
    await rm(join(generated, 'schemas/orders.order.shipped.v1.json'));
    await writeFile(join(generated, 'odcs/orders.order.v9.yaml'), 'stray: true\n');
    await writeFile(join(generated, 'catalog-info.yaml'), 'edited: by hand\n');
    const { code, output } = run('check');
    expect(code).toBe(1);
    expect(output).toContain('/generated/odcs/orders.order.v9.yaml is no longer generated');
    expect(output).toContain('/generated/catalog-info.yaml is stale');
    expect(output).toContain(
      `breaking: ${relative(workspace, generated)}/schemas/orders.order.shipped.v1.json is listed in the committed ` +
        'data-product.json but missing: restore it from git',
    );
    expect(run('write').code).toBe(1);
  });
});

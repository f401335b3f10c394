import { cp, readFile, rm, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';

import { editCopiedFile, newCopyFolder, removeCopies, runContractsCli, WORKSPACE as workspace } from '../test/gate-copies';

/**
 * The REST half of the gate end to end: the real CLI, run the way the Nx targets run it, on a
 * copy of the orders service's code and of the orders contracts' generated folder. The copy lives
 * in the workspace's tmp/ so that its `@mesh/*` imports resolve as the original's do; the
 * response and request schemas are changed in the copied DTO files.
 */
jest.setTimeout(180_000);

describe('contract gate, REST API (orders service, copied)', () => {
  let copy: string;
  let generated: string;
  let app: string;

  const run = (command: 'check' | 'write', ...extra: string[]) =>
    runContractsCli(command, [
      '--module=libs/orders/contracts/src/index.ts',
      '--export=ordersProduct',
      '--project=orders-contracts',
      `--out=${relative(workspace, generated)}`,
      '--serviceUrl=http://localhost:3001',
      `--app=${relative(workspace, join(app, 'app.module.ts'))}#OrdersModule`,
      `--serviceOptions=${relative(workspace, join(app, 'service-options.ts'))}#ordersServiceOptions`,
      ...extra,
    ]);

  const editApp = (file: string, from: string, to: string) => editCopiedFile(join(app, file), from, to);
  const committedDocument = () => readFile(join(generated, 'openapi.json'), 'utf8');

  beforeEach(async () => {
    copy = await newCopyFolder('api-gate');
    generated = join(copy, 'generated');
    app = join(copy, 'orders', 'src');
    await cp(join(workspace, 'libs/orders/contracts/generated'), generated, { recursive: true });
    await cp(join(workspace, 'apps/orders/src'), app, { recursive: true });
  });

  afterEach(async () => {
    await removeCopies(copy);
  });

  it('passes the committed document unchanged', () => {
    const { code, output } = run('check');
    expect(output).toContain('orders-contracts: contracts compatible with the committed ones; 8 generated files current');
    expect(code).toBe(0);
  });

  it('fails a field removed from a response, and refuses to write it', async () => {
    await editApp(
      'orders/dto/order-response.dto.ts',
      'createZodDto(orderResponse)',
      'createZodDto(orderResponse.omit({ placedAt: true }))',
    );
    const before = await committedDocument();

    const check = run('check');
    expect(check.code).toBe(1);
    expect(check.output).toContain(
      'breaking: API GET /orders/{id}: [Removed] property `placedAt` in response 200 (application/json). ' +
        'Keep the operation compatible (new request fields and parameters optional, response fields kept) ' +
        'or serve the change under a new major version path (e.g. /v2/…) beside the old one',
    );
    for (const operation of ['POST /orders', 'POST /orders/{id}/cancel', 'POST /orders/{id}/ship']) {
      expect(check.output).toContain(`breaking: API ${operation}: [Removed] property \`placedAt\` in response 20`);
    }

    const write = run('write');
    expect(write.code).toBe(1);
    expect(write.output).toContain('orders-contracts: not written, the code breaks the committed contracts');
    expect(await committedDocument()).toBe(before);
  });

  it('passes an optional response field once the document is regenerated', async () => {
    await editApp(
      'orders/dto/order-response.dto.ts',
      'createZodDto(orderResponse)',
      'createZodDto(orderResponse.extend({ note: z.string().max(200).optional() }))',
    );
    await editApp('orders/dto/order-response.dto.ts', "import { createZodDto } from 'nestjs-zod';", "import { createZodDto } from 'nestjs-zod';\nimport { z } from 'zod';");

    const stale = run('check');
    expect(stale.code).toBe(1);
    expect(stale.output).not.toContain('breaking:');
    expect(stale.output).toContain(
      `stale: ${relative(workspace, generated)}/openapi.json is stale (the code generates something else): ` +
        'run `npx nx run orders-contracts:contracts` and commit the result.',
    );

    const write = run('write');
    expect(write.output).toMatch(/orders-contracts: 1 written, 0 removed, 7 unchanged/);
    const document = JSON.parse(await committedDocument());
    expect(document.components.schemas.OrderResponseDto.properties.note).toEqual({ type: 'string', maxLength: 200 });
    expect(run('check').code).toBe(0);
  });

  it('fails a new required request field', async () => {
    await editApp(
      'place-order/dto/place-order.dto.ts',
      'createZodDto(placeOrderRequest)',
      'createZodDto(placeOrderRequest.safeExtend({ giftWrap: z.boolean() }))',
    );
    await editApp('place-order/dto/place-order.dto.ts', "import { createZodDto } from 'nestjs-zod';", "import { createZodDto } from 'nestjs-zod';\nimport { z } from 'zod';");

    const check = run('check');
    expect(check.code).toBe(1);
    expect(check.output).toContain(
      'breaking: API POST /orders: [Added] required status of `giftWrap` in the request body (application/json)',
    );
  });

  it('fails a removed route, unless the path is retired on purpose', async () => {
    await editApp('order-queries/order-queries.controller.ts', "@Get(':id')", '');

    const check = run('check');
    expect(check.code).toBe(1);
    expect(check.output).toContain('breaking: API GET /orders/{id}: [Removed] operation GET /orders/{id}.');

    const retired = run('check', '--retirePath=/orders/{id}');
    expect(retired.output).not.toContain('breaking:');
    expect(retired.output).toContain('/openapi.json is stale');
  });

  it('passes a new major version path beside the old one', async () => {
    await writeFile(
      join(app, 'order-queries/order-queries-v2.controller.ts'),
      [
        "import { Controller } from '@nestjs/common';",
        '',
        "import { OrderQueriesController } from './order-queries.controller';",
        '',
        "@Controller('v2/orders')",
        'export class OrderQueriesV2Controller extends OrderQueriesController {}',
        '',
      ].join('\n'),
    );
    await editApp('order-queries/order-queries.module.ts', 'controllers: [OrderQueriesController]', 'controllers: [OrderQueriesController, OrderQueriesV2Controller]');
    await editApp(
      'order-queries/order-queries.module.ts',
      "import { OrderQueriesService } from './order-queries.service';",
      "import { OrderQueriesService } from './order-queries.service';\nimport { OrderQueriesV2Controller } from './order-queries-v2.controller';",
    );

    const stale = run('check');
    expect(stale.output).not.toContain('breaking:');
    expect(stale.output).toContain('/openapi.json is stale');
    expect(run('write').code).toBe(0);
    expect(Object.keys(JSON.parse(await committedDocument()).paths)).toEqual(
      expect.arrayContaining(['/orders/{id}', '/v2/orders', '/v2/orders/{id}']),
    );
    expect(run('check').code).toBe(0);
  });

  it('finds a committed document edited by hand or missing', async () => {
    const committed = await committedDocument();
    await writeFile(join(generated, 'openapi.json'), committed.replace('"title": "Orders"', '"title": "Orders (edited)"'));
    const edited = run('check');
    expect(edited.code).toBe(1);
    expect(edited.output).toContain('/generated/openapi.json is stale (the code generates something else)');

    await rm(join(generated, 'openapi.json'));
    const missing = run('check');
    expect(missing.code).toBe(1);
    expect(missing.output).not.toContain('breaking:');
    expect(missing.output).toContain('/generated/openapi.json is missing: run `npx nx run orders-contracts:contracts`');
  });
});

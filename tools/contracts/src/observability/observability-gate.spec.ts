import { cp, readFile, rm, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';

import { editCopiedFile, newCopyFolder, removeCopies, runContractsCli, WORKSPACE as workspace } from '../../test/gate-copies';

/**
 * The observability files under the gate, end to end: the real CLI with the options of the
 * orders contracts library's contract-check target, on copies (in the workspace's tmp/, so that
 * imports resolve as the originals' do) of the library and of deploy/observability.
 */
jest.setTimeout(180_000);

interface TargetOptions extends Record<string, string> {
  module: string;
  observability: string;
}

async function targetOptions(target: 'contract-check' | 'contracts'): Promise<TargetOptions> {
  const project = JSON.parse(await readFile(join(workspace, 'libs/orders/contracts/project.json'), 'utf8')) as {
    targets: Record<string, { options: TargetOptions & { command: string } }>;
  };
  const { command: _command, ...options } = project.targets[target].options;
  return options;
}

describe('contract-check and the observability files (orders contracts and deploy/observability, copied)', () => {
  let copy: string;
  const library = () => join(copy, 'orders-contracts');
  const observability = () => join(copy, 'observability');

  const run = async (command: 'check' | 'write') => {
    const options = await targetOptions(command === 'check' ? 'contract-check' : 'contracts');
    const copied = {
      ...options,
      module: relative(workspace, join(library(), 'src/index.ts')),
      observability: relative(workspace, observability()),
    };
    return runContractsCli(command, [
      '--project=orders-contracts',
      `--out=${relative(workspace, join(library(), 'generated'))}`,
      ...Object.entries(copied).map(([name, value]) => `--${name}=${value}`),
    ]);
  };

  const editServiceLevels = (from: string, to: string) =>
    editCopiedFile(join(library(), 'src/product/orders.product.ts'), from, to);

  beforeEach(async () => {
    copy = await newCopyFolder('observability-gate');
    await cp(join(workspace, 'libs/orders/contracts/src'), join(library(), 'src'), { recursive: true });
    await cp(join(workspace, 'libs/orders/contracts/generated'), join(library(), 'generated'), { recursive: true });
    await cp(join(workspace, (await targetOptions('contract-check')).observability), observability(), { recursive: true });
  });

  afterEach(async () => {
    await removeCopies(copy);
  });

  it('passes the committed files unchanged', async () => {
    const { code, output } = await run('check');
    expect(output).toContain('orders-contracts: 4 observability files current');
    expect(code).toBe(0);
  });

  it('fails a service level changed without regenerating, and passes once regenerated', async () => {
    await editServiceLevels('maxConsumerLag: 1000, maxOutboxAgeSeconds: 30', 'maxConsumerLag: 250, maxOutboxAgeSeconds: 10');

    const stale = await run('check');
    expect(stale.code).toBe(1);
    expect(stale.output).not.toContain('breaking:');
    const folder = relative(workspace, observability());
    expect(stale.output).toContain(
      `stale: ${folder}/rules/orders.rules.yml is stale (the manifest generates something else): ` +
        'run `npx nx run orders-contracts:contracts` and commit the result.',
    );
    expect(stale.output).toContain(`stale: ${folder}/dashboards/orders.json is stale`);
    // The overlay names its configs after their content: a new rule file is a new config.
    expect(stale.output).toContain(`stale: ${folder}/stack.yml is stale`);

    const write = await run('write');
    expect(write.code).toBe(0);
    expect(write.output).toContain('orders-contracts: 3 observability files written');
    const rules = await readFile(join(observability(), 'rules/orders.rules.yml'), 'utf8');
    expect(rules).toContain('mesh_consumer_lag{stream="customers.customer.v1",group="orders"}) > 250');
    expect(rules).toContain('mesh_outbox_oldest_age_seconds{outbox="orders"}) > 10');

    const check = await run('check');
    expect(check.output).toContain('orders-contracts: 4 observability files current');
    expect(check.code).toBe(0);
  });

  it('fails a rule file edited by hand, and one that is missing', async () => {
    const path = join(observability(), 'rules/orders.rules.yml');
    await writeFile(path, (await readFile(path, 'utf8')).replace('> 1000', '> 100000'));
    await rm(join(observability(), 'scrape/orders.yml'));
    const { code, output } = await run('check');
    expect(code).toBe(1);
    expect(output).toContain('/rules/orders.rules.yml is stale');
    expect(output).toContain('/scrape/orders.yml is missing');
  });
});

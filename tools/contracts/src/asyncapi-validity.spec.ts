import { Parser } from '@asyncapi/parser';
import { analyticsProduct } from '@mesh/analytics-contracts';
import {
  ASYNCAPI_PATH,
  type DataProduct,
  defineDataProduct,
  defineEvent,
  renderContractArtifacts,
} from '@mesh/contract-kit';
import { customersProduct } from '@mesh/customers-contracts';
import { ordersProduct } from '@mesh/orders-contracts';
import { z } from 'zod';

/** Diagnostics the parser reports as errors (0) or warnings (1); information and hints are not faults. */
async function faultsOf(document: string): Promise<string[]> {
  const { diagnostics } = await new Parser().parse(document);
  return diagnostics
    .filter((diagnostic) => diagnostic.severity <= 1)
    .map((diagnostic) => `${diagnostic.code} at ${diagnostic.path.join('/')}: ${diagnostic.message}`);
}

const asyncApiOf = (product: DataProduct) =>
  renderContractArtifacts(product, { project: 'any', serviceUrl: 'http://localhost' }).find(
    (artifact) => artifact.path === ASYNCAPI_PATH,
  )?.content ?? '';

describe('generated AsyncAPI documents', () => {
  it.each([
    ['orders', ordersProduct],
    ['customers', customersProduct],
    ['analytics', analyticsProduct],
  ])('the %s document is valid AsyncAPI 3.0', async (_domain, product) => {
    expect(await faultsOf(asyncApiOf(product))).toEqual([]);
  });

  it('stays valid when an event schema has definitions and refers to itself', async () => {
    interface Node {
      label: string;
      children: Node[];
    }
    const node: z.ZodType<Node> = z.object({
      label: z.string(),
      get children() {
        return z.array(node);
      },
    });
    const treeGrown = defineEvent({
      type: 'trees.tree.grown',
      version: 1,
      source: '/trees',
      description: 'A tree grew.',
      schema: z.object({ treeId: z.uuid(), root: node }),
      example: { treeId: '0190f5b2-7f2a-7cc1-9a55-3f6f0c1d2e3a', root: { label: 'a', children: [] } },
    });
    const product = defineDataProduct({
      name: 'trees',
      domain: 'trees',
      title: 'Trees',
      description: 'Trees.',
      version: '1.0.0',
      owner: { team: 'arborists', contact: 'https://example.com/arborists' },
      outputPorts: {
        api: { description: 'Trees.', openApiPath: '/docs-json' },
        streams: [{ stream: 'trees.tree.v1', description: 'Tree facts.', events: [treeGrown] }],
      },
      inputPorts: [],
      serviceLevels: { maxConsumerLag: 10, maxOutboxAgeSeconds: 10, availability: '99%' },
      classifiedFields: [],
    });
    const document = asyncApiOf(product);
    expect(document).toContain('$ref: "#/components/schemas/trees.tree.grown.__schema0"');
    expect(await faultsOf(document)).toEqual([]);
  });

  it('is checked by a parser that does find faults', async () => {
    const broken = asyncApiOf(ordersProduct).replace(
      '$ref: "#/channels/customers.customer.v1"',
      '$ref: "#/channels/nowhere"',
    );
    expect(await faultsOf(broken)).toEqual(
      expect.arrayContaining([
        expect.stringContaining('invalid-ref at operations/consume.customers.customer.v1.orders/channel'),
      ]),
    );
  });
});

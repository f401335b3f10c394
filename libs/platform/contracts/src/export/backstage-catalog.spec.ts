import { sampleProduct } from '../testing/sample-product';
import { toBackstageEntities } from './backstage-catalog';

describe('toBackstageEntities', () => {
  const [component, events, api] = toBackstageEntities(sampleProduct, {
    serviceUrl: 'http://sample:3000/',
    asyncApiPath: './asyncapi.yaml',
  });

  it('describes the domain service as a Component of the data-mesh system that provides and consumes APIs', () => {
    expect(component).toMatchObject({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: { name: 'sample', title: 'Sample' },
      spec: {
        type: 'service',
        owner: 'group:sample-team',
        system: 'data-mesh',
        providesApis: ['sample-events', 'sample-api'],
        consumesApis: ['other-events'],
      },
    });
  });

  it('points the API entities at the AsyncAPI document and the served OpenAPI document', () => {
    expect(events).toMatchObject({
      kind: 'API',
      metadata: {
        name: 'sample-events',
        description: 'Event streams of the sample data product: sample.order.v1 (Redis key `{sample.order.v1}`).',
      },
      spec: { type: 'asyncapi', definition: { $text: './asyncapi.yaml' } },
    });
    expect(api).toMatchObject({
      kind: 'API',
      metadata: { name: 'sample-api' },
      spec: { type: 'openapi', definition: { $text: 'http://sample:3000/docs-json' } },
    });
  });
});

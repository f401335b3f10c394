import { Module } from '@nestjs/common';

import { createTestApp } from '../../test/test-app';
import { TestAppModule } from '../../test/test-app.module';
import { renderOpenApiDocument } from './render-openapi-document';

/** Stands for a database or broker connection: building it fails, as a store that is not there would. */
@Module({
  providers: [
    {
      provide: 'STORE_CONNECTION',
      useFactory: () => {
        throw new Error('connected to a store');
      },
    },
  ],
})
class StoreModule {}

describe('renderOpenApiDocument', () => {
  const openApi = { title: 'Test App', version: '3.1.0', description: 'Items.' };

  it('builds the document /docs-json serves, without building a provider or validating configuration', async () => {
    const { app } = await createTestApp({ openApi });
    let served: unknown;
    try {
      served = (await app.inject({ method: 'GET', url: '/docs-json' })).json();
    } finally {
      await app.close();
    }

    // GREETING_REPEAT would fail validation and StoreModule's factory throws: neither runs.
    const previous = process.env['GREETING_REPEAT'];
    process.env['GREETING_REPEAT'] = 'many';
    try {
      const rendered = await renderOpenApiDocument(TestAppModule.register({ imports: [StoreModule] }), { openApi });
      expect(rendered).toEqual(served);
      expect(Object.keys(rendered.paths)).toEqual(expect.arrayContaining(['/items', '/items/{id}']));
    } finally {
      if (previous === undefined) delete process.env['GREETING_REPEAT'];
      else process.env['GREETING_REPEAT'] = previous;
    }
  });

  it('refuses a service that serves no document', async () => {
    await expect(renderOpenApiDocument(TestAppModule.register(), {})).rejects.toThrow(
      'renderOpenApiDocument: the service options have no openApi; the service serves no document',
    );
  });
});

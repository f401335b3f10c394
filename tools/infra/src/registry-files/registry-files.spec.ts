import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

import { checkRegistry, readMeshRegistry } from '../mesh-registry';
import { WORKSPACE_ROOT } from '../options';
import { renderRegistryFiles } from './registry-files';
import { staleRegistryFiles } from './workspace-registry-files';

const readWorkspace = (path: string) => readFileSync(join(WORKSPACE_ROOT, path), 'utf-8');

interface Stack {
  services: Record<string, { environment?: Record<string, string>; secrets?: Array<{ source: string; target: string }>; networks?: string[]; configs?: Array<{ source: string }>; deploy?: { replicas?: string } }>;
  networks: Record<string, unknown>;
  secrets: Record<string, { name: string }>;
  configs: Record<string, { file: string }>;
}

function renderWith(domain: object, read = readWorkspace): Map<string, string> {
  const json = JSON.parse(readWorkspace('mesh.json')) as { domains: object[] };
  const registry = checkRegistry({ ...json, domains: [...json.domains, domain] }, 'test');
  return new Map(renderRegistryFiles(registry, read).map(({ path, content }) => [path, content]));
}

describe('files generated from mesh.json', () => {
  it('are committed as mesh.json renders them (else: npm run mesh -- generate)', () => {
    expect(staleRegistryFiles()).toEqual([]);
  });

  it("render a new domain's service with its store network, secrets, deploy settings, gateway port and product", () => {
    const files = renderWith({
      name: 'loyalty-points',
      port: 3010,
      store: 'mongo',
      deploy: { replicas: 3, memory: '1G', secrets: ['signing_key'], environment: { LOYALTY_POINTS_TIER: 'gold' } },
    });
    const stack = parse(files.get('deploy/stack.yml') ?? '', { merge: true }) as Stack;
    expect(stack.services['loyalty-points']).toMatchObject({
      environment: {
        PORT: '3010',
        LOYALTY_POINTS_MONGODB_URL_FILE: '/run/secrets/mongodb_url',
        LOYALTY_POINTS_SIGNING_KEY_FILE: '/run/secrets/signing_key',
        LOYALTY_POINTS_TIER: '${LOYALTY_POINTS_TIER:-gold}',
        REDIS_USERNAME: 'loyalty-points',
      },
      networks: ['edge', 'events', 'loyalty-points-store'],
      deploy: { replicas: '${LOYALTY_POINTS_REPLICAS:-3}' },
    });
    expect(stack.services['loyalty-points'].secrets?.map((secret) => secret.source)).toEqual([
      'mesh_redis_password_loyalty_points',
      'mesh_loyalty_points_mongodb_url',
      'mesh_loyalty_points_signing_key',
    ]);
    // The issuer's public keys, as every domain gets them: a config, not a secret.
    expect(stack.services['loyalty-points'].configs?.map((config) => config.source)).toEqual(['mesh_auth_jwks']);
    expect(stack.services['mongo'].networks).toEqual(['customers-store', 'loyalty-points-store']);
    expect(stack.services['mongo'].environment).toHaveProperty('LOYALTY_POINTS_MONGODB_URL_FILE');
    expect(stack.services['catalog'].environment?.['CATALOG_PRODUCTS']).toMatch(/,http:\/\/loyalty-points:3010$/);
    // Every secret, network and config a service names is defined, or docker stack deploy refuses the file.
    for (const service of Object.values(stack.services)) {
      for (const secret of service.secrets ?? []) expect(stack.secrets).toHaveProperty([secret.source]);
      for (const network of service.networks ?? []) expect(stack.networks).toHaveProperty([network]);
      for (const config of service.configs ?? []) expect(stack.configs).toHaveProperty([config.source]);
    }
    expect(files.get('deploy/gateway/haproxy.cfg')).toMatch(
      /frontend loyalty-points\n {2}bind :3010\n {2}http-request track-sc0 src table per-client-rates\n {2}http-request return status 429 .* if \{ sc_http_req_rate\(0\) gt "\$\{GATEWAY_REQUESTS_PER_10S-20000\}" \}\n {2}http-request deny deny_status 404 if \{ path_beg \/metrics \}\n {2}default_backend loyalty-points\n/,
    );
    expect(files.get('deploy/gateway/haproxy.cfg')).toContain('server-template loyalty-points- 10 tasks.loyalty-points:3010');
    const ferretdb = parse(files.get('deploy/stack.ferretdb.yml') ?? '') as Stack;
    expect(ferretdb.services['ferretdb'].networks).toEqual(['customers-store', 'loyalty-points-store']);
    expect(ferretdb.services['loyalty-points'].deploy).toEqual({ replicas: 1 });
    expect(files.get('tools/mesh-cli/src/products.ts')).toContain(
      "import { loyaltyPointsProduct } from '@mesh/loyalty-points-contracts';",
    );
  });

  it("name each Swarm config after its file's content, so that a deploy after an edit creates a new one", () => {
    const configsOf = (files: Map<string, string>) =>
      Object.keys((parse(files.get('deploy/stack.yml') ?? '') as Stack).configs);
    const today = renderRegistryFiles(readMeshRegistry(), readWorkspace);
    const before = configsOf(new Map(today.map(({ path, content }) => [path, content])));
    const withDomain = configsOf(renderWith({ name: 'loyalty', port: 3010, store: 'postgres' }));
    const editedInit = configsOf(
      renderWith({ name: 'loyalty', port: 3010, store: 'postgres' }, (path) =>
        path === 'deploy/postgres/create-domain-databases.sh' ? `${readWorkspace(path)}\n# edited\n` : readWorkspace(path),
      ),
    );

    // The token issuer's key set is the operator's (external, created from the provider's JWKS), named by variables.
    expect(before).toEqual([
      expect.stringMatching(/^gateway-config-[0-9a-f]{8}$/),
      expect.stringMatching(/^postgres-init-/),
      expect.stringMatching(/^mongo-init-/),
      'mesh_auth_jwks',
    ]);
    // A new domain changes the gateway's file, not the init scripts.
    expect(withDomain[0]).not.toBe(before[0]);
    expect(withDomain.slice(1)).toEqual(before.slice(1));
    expect(editedInit[1]).not.toBe(withDomain[1]);
  });
});

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

import { WORKSPACE_ROOT } from '../workspace';
import { type ResolvedService, type ResolvedStack, resolveStackConfig } from './stack-config';

const STACK = 'deploy/stack.yml';
const OBSERVABILITY = 'deploy/observability/stack.yml';
const ADDED = ['prometheus', 'grafana', 'otel-collector', 'jaeger'];

/** Apps on the event bus: the domains. */
const domainsOf = (stack: ResolvedStack) =>
  Object.entries(stack.services).filter(
    ([, service]) => service.image.startsWith('mesh/') && service.environment?.['REDIS_URL'],
  );

/** The file a service mounts at `target`, parsed. */
function mounted<T>(stack: ResolvedStack, service: ResolvedService, target: string): T {
  const source = service.configs?.find((config) => config.target === target)?.source;
  const file = source ? stack.configs[source]?.file : undefined;
  if (!file) throw new Error(`nothing is mounted at ${target}`);
  return parse(readFileSync(file, 'utf8')) as T;
}

/** Merging two files sorts a service's secrets and configs: compare them as sets. */
const sortedMounts = ({ secrets, configs, ...rest }: ResolvedService) => ({
  ...rest,
  secrets: [...(secrets ?? [])].sort((a, b) => a.source.localeCompare(b.source)),
  configs: [...(configs ?? [])].sort((a, b) => a.source.localeCompare(b.source)),
});

const targetsOf = (service: ResolvedService) => (service.configs ?? []).map((config) => config.target ?? '');

describe('deploy/observability/stack.yml over deploy/stack.yml', () => {
  let base: ResolvedStack;
  let stack: ResolvedStack;
  let warnings: string;

  beforeAll(async () => {
    [{ stack: base }, { stack, warnings }] = await Promise.all([
      resolveStackConfig([STACK]),
      resolveStackConfig([STACK, OBSERVABILITY]),
    ]);
  });

  it('resolves with no variable set and no warning, and adds the observability services', () => {
    expect(warnings).toBe('');
    expect(Object.keys(stack.services).sort()).toEqual([...Object.keys(base.services), ...ADDED].sort());
  });

  it("leaves the main stack's services as they are, but for where the domains send their spans", () => {
    for (const [name, service] of Object.entries(base.services)) {
      const { environment, ...rest } = sortedMounts(stack.services[name]);
      const { environment: baseEnvironment, ...baseRest } = sortedMounts(service);
      expect({ name, ...rest }).toEqual({ name, ...baseRest });
      const { OTEL_EXPORTER_OTLP_ENDPOINT: endpoint, ...others } = environment ?? {};
      expect({ name, environment: others }).toEqual({ name, environment: baseEnvironment ?? {} });
      const isDomain = domainsOf(stack).some(([domain]) => domain === name);
      expect({ name, endpoint }).toEqual({ name, endpoint: isDomain ? 'http://otel-collector:4318' : undefined });
    }
    expect(Object.values(base.services).some((service) => service.environment?.['OTEL_EXPORTER_OTLP_ENDPOINT'])).toBe(false);
  });

  it("scrapes every domain's tasks on its port, with its generated rules", () => {
    const prometheus = stack.services['prometheus'];
    const config = mounted<{ rule_files: string[]; scrape_config_files: string[] }>(
      stack,
      prometheus,
      '/etc/prometheus/prometheus.yml',
    );
    expect(config.rule_files).toEqual(['/etc/prometheus/rules/*.yml']);
    expect(config.scrape_config_files).toEqual(['/etc/prometheus/scrape/*.yml']);
    expect(domainsOf(stack).length).toBeGreaterThanOrEqual(3);
    for (const [domain, service] of domainsOf(stack)) {
      expect(targetsOf(prometheus)).toContain(`/etc/prometheus/rules/${domain}.rules.yml`);
      const scrape = mounted<{ scrape_configs: Array<Record<string, unknown>> }>(
        stack,
        prometheus,
        `/etc/prometheus/scrape/${domain}.yml`,
      );
      expect(scrape.scrape_configs).toEqual([
        expect.objectContaining({
          job_name: domain,
          dns_sd_configs: [expect.objectContaining({ names: [`tasks.${domain}`], type: 'A', port: Number(service.environment?.['PORT']) })],
        }),
      ]);
      // Prometheus reaches the tasks on a network they listen on.
      expect(Object.keys(prometheus.networks ?? {})).toEqual(expect.arrayContaining(Object.keys(service.networks ?? {}).filter((n) => n === 'edge')));
    }
    expect(Object.keys(prometheus.networks ?? {})).toContain('edge');
  });

  it("provisions Grafana with Prometheus, Jaeger and every domain's dashboard", () => {
    const grafana = stack.services['grafana'];
    const datasources = mounted<{ datasources: Array<{ uid: string; url: string }> }>(
      stack,
      grafana,
      '/etc/grafana/provisioning/datasources/mesh.yml',
    );
    expect(datasources.datasources.map(({ uid, url }) => [uid, url])).toEqual([
      ['prometheus', 'http://prometheus:9090'],
      ['jaeger', 'http://jaeger:16686'],
    ]);
    const provider = mounted<{ providers: Array<{ options: { path: string } }> }>(
      stack,
      grafana,
      '/etc/grafana/provisioning/dashboards/mesh.yml',
    );
    const folder = provider.providers[0].options.path;
    for (const [domain] of domainsOf(stack)) {
      const board = mounted<{ uid: string; schemaVersion: number }>(stack, grafana, `${folder}/${domain}.json`);
      expect(board).toMatchObject({ uid: `mesh-${domain}`, schemaVersion: expect.any(Number) });
    }
    expect(grafana.environment?.['GF_SECURITY_ADMIN_PASSWORD__FILE']).toBe('/run/secrets/grafana_admin_password');
    expect(grafana.secrets).toEqual([{ source: 'mesh_grafana_admin_password', target: 'grafana_admin_password' }]);
    expect(stack.secrets['mesh_grafana_admin_password']).toEqual({ external: true, name: 'mesh_grafana_admin_password' });
  });

  it('sends spans from the domains through the collector to Jaeger', () => {
    const collector = stack.services['otel-collector'];
    const config = mounted<{
      exporters: Record<string, { endpoint: string }>;
      service: { pipelines: { traces: { receivers: string[]; exporters: string[] } } };
    }>(stack, collector, '/etc/otelcol-contrib/config.yaml');
    expect(config.service.pipelines.traces.receivers).toEqual(['otlp']);
    const [exporter] = config.service.pipelines.traces.exporters;
    expect(config.exporters[exporter].endpoint).toBe('jaeger:4317');
    for (const [domain, service] of domainsOf(stack)) {
      const shared = Object.keys(service.networks ?? {}).filter((network) => network in (collector.networks ?? {}));
      expect({ domain, reachesCollector: shared.length > 0 }).toEqual({ domain, reachesCollector: true });
    }
    expect(Object.keys(stack.services['jaeger'].networks ?? {})).toEqual(
      expect.arrayContaining(Object.keys(collector.networks ?? {}).filter((network) => network !== 'edge')),
    );
  });

  it('publishes Grafana only (besides the gateway), and names every config after its file', () => {
    const published = Object.entries(stack.services).filter(([, service]) => (service.ports ?? []).length > 0);
    expect(published.map(([name]) => name).sort()).toEqual(['gateway', 'grafana']);
    expect(stack.services['grafana'].ports).toEqual([expect.objectContaining({ target: 3000, published: 3000, mode: 'host' })]);
    const added = Object.entries(stack.configs).filter(([name]) => name.startsWith('obs-'));
    expect(added.length).toBeGreaterThanOrEqual(10);
    for (const [name, config] of added) {
      const hash = createHash('sha256').update(readFileSync(config.file ?? '', 'utf8')).digest('hex').slice(0, 8);
      expect({ name, file: config.file?.replace(`${WORKSPACE_ROOT}/`, '') }).toEqual({
        name,
        file: expect.stringMatching(/^deploy\/observability\//),
      });
      expect(name.endsWith(`-${hash}`)).toBe(true);
    }
  });

  it('gives its services restart policies and limits, and health checks where the image can run one', () => {
    for (const name of ADDED) {
      const service = stack.services[name];
      expect({ name, restart: service.deploy?.restart_policy?.condition }).toEqual({ name, restart: 'any' });
      expect({ name, limits: service.deploy?.resources?.limits }).toEqual({
        name,
        limits: { cpus: expect.stringMatching(/^\d/), memory: expect.stringMatching(/^\d+$/) },
      });
      expect(service.deploy?.endpoint_mode).toBe('dnsrr');
    }
    for (const name of ['prometheus', 'grafana']) expect(stack.services[name].healthcheck?.test?.length).toBeGreaterThan(1);
  });
});

import { readMeshRegistry } from '@mesh/infra';
import { render } from 'ejs';
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { WORKSPACE_ROOT } from '../workspace';
import { type ResolvedService, type ResolvedStack, resolveStackConfig } from './stack-config';

const STACK = 'deploy/stack.yml';
const SENTINEL = 'deploy/stack.redis-sentinel.yml';
const TEMPLATE = 'deploy/templates/stack.redis-sentinel.yml.ejs';
const SENTINELS = ['redis-sentinel-1', 'redis-sentinel-2', 'redis-sentinel-3'];
const DATA_NODES = ['redis', 'redis-replica'];
/** Empties the domains' REDIS_URL, which a second file cannot do. */
const WITH_EMPTY_URL = { MESH_REDIS_URL: '' };

/** Apps on the event bus in stack.yml: the domains. */
const domainsOf = (stack: ResolvedStack) =>
  Object.entries(stack.services).filter(
    ([, service]) => service.image.startsWith('mesh/') && service.environment?.['REDIS_URL'],
  );

/** What a service's `sh -c <script> <args>` command hands to the program it execs. */
interface Started {
  args: string[];
  stdin: string;
  /** /data/sentinel.conf as the script left it ('' when it wrote none). */
  sentinelConfig: string;
}

/**
 * Runs a service's start-up script for real in `sh`, with its secret and /data in a temporary
 * folder and a `redis-server` on PATH that records its arguments and stdin instead of serving.
 */
function start(service: ResolvedService, adminPassword: string): Started {
  const [shell, flag, script, ...args] = service.command ?? [];
  expect([shell, flag]).toEqual(['sh', '-c']);
  const root = mkdtempSync(join(tmpdir(), 'mesh-sentinel-stack-'));
  try {
    for (const folder of ['bin', 'secrets', 'data', 'out']) mkdirSync(join(root, folder));
    writeFileSync(join(root, 'secrets', 'redis_admin_password'), adminPassword);
    const fake = join(root, 'bin', 'redis-server');
    writeFileSync(fake, `#!/bin/sh\nprintf '%s\\n' "$@" > '${root}/out/args'\ncat > '${root}/out/stdin'\n`);
    chmodSync(fake, 0o755);
    const local = script.replaceAll('/run/secrets/', `${root}/secrets/`).replaceAll('/data/', `${root}/data/`);
    execFileSync('sh', ['-c', local, ...args], {
      env: { PATH: `${root}/bin:${process.env['PATH'] ?? '/usr/bin:/bin'}` },
      input: '',
    });
    const read = (path: string) => readFileSync(join(root, path), 'utf8');
    const sentinelConfig = existsSync(join(root, 'data', 'sentinel.conf')) ? read('data/sentinel.conf') : '';
    return {
      args: read('out/args').trimEnd().split('\n').map((arg) => arg.replace(`${root}/data/`, '/data/')),
      stdin: read('out/stdin'),
      sentinelConfig,
    };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

/** Merging two files sorts a service's secrets and configs: compare them as sets. */
const sortedMounts = ({ secrets, configs, ...rest }: ResolvedService) => ({
  ...rest,
  secrets: [...(secrets ?? [])].sort((a, b) => a.source.localeCompare(b.source)),
  configs: [...(configs ?? [])].sort((a, b) => a.source.localeCompare(b.source)),
});

const linesOf = (text: string) => text.split('\n').filter((line) => line.trim() !== '');
const constraintsOf = (service: ResolvedService) => service.deploy?.placement?.constraints ?? [];

describe('deploy/stack.redis-sentinel.yml over deploy/stack.yml', () => {
  let base: ResolvedStack;
  let stack: ResolvedStack;
  let warnings: string;

  beforeAll(async () => {
    [{ stack: base }, { stack, warnings }] = await Promise.all([
      resolveStackConfig([STACK]),
      resolveStackConfig([STACK, SENTINEL], WITH_EMPTY_URL),
    ]);
  });

  it('is what its template renders from mesh.json (`npm run mesh -- generate`)', () => {
    const rendered = render(readFileSync(join(WORKSPACE_ROOT, TEMPLATE), 'utf8'), {
      domains: readMeshRegistry().domains,
    });
    expect(readFileSync(join(WORKSPACE_ROOT, SENTINEL), 'utf8')).toBe(rendered);
  });

  it('refuses to deploy unless MESH_REDIS_URL is set and empty, naming the variable', async () => {
    await expect(resolveStackConfig([STACK, SENTINEL])).rejects.toThrow(/MESH_REDIS_URL is missing a value: deploy with MESH_REDIS_URL=/);
  });

  it("keeps stack.yml's REDIS_URL when a developer's REDIS_URL (.mesh/env) is in the environment", async () => {
    const { stack: developer } = await resolveStackConfig([STACK], { REDIS_URL: 'redis://127.0.0.1:6379' });
    for (const [domain, service] of domainsOf(developer)) {
      expect({ domain, url: service.environment?.['REDIS_URL'] }).toEqual({ domain, url: 'redis://redis:6379' });
    }
  });

  it('resolves with MESH_REDIS_URL empty and no warning, and adds a replica and three sentinels', () => {
    expect(warnings).toBe('');
    expect(Object.keys(stack.services).sort()).toEqual(
      [...Object.keys(base.services), 'redis-replica', ...SENTINELS].sort(),
    );
    expect(Object.keys(stack.volumes).sort()).toEqual([...Object.keys(base.volumes), 'redis-replica-data'].sort());
  });

  it("leaves stack.yml's services as they are, but for the domains' Redis variables and how redis starts", () => {
    const domains = new Set(domainsOf(base).map(([domain]) => domain));
    for (const [name, service] of Object.entries(base.services)) {
      const { environment, command, user, secrets, deploy, ...rest } = sortedMounts(stack.services[name]);
      const { environment: baseEnvironment, command: baseCommand, user: baseUser, secrets: baseSecrets, deploy: baseDeploy, ...baseRest } =
        sortedMounts(service);
      expect({ name, ...rest }).toEqual({ name, ...baseRest });
      if (!domains.has(name)) expect({ name, environment }).toEqual({ name, environment: baseEnvironment });
      if (name === 'redis') continue;
      expect({ name, command, user, secrets, deploy }).toEqual({
        name,
        command: baseCommand,
        user: baseUser,
        secrets: baseSecrets,
        deploy: baseDeploy,
      });
    }
    const { placement, ...redisDeploy } = stack.services['redis'].deploy ?? {};
    const { placement: basePlacement, ...baseRedisDeploy } = base.services['redis'].deploy ?? {};
    expect(redisDeploy).toEqual(baseRedisDeploy);
    expect(placement?.constraints?.slice(0, basePlacement?.constraints?.length)).toEqual(basePlacement?.constraints);
  });

  it('points every domain at the sentinels with an empty REDIS_URL, as its own Redis user still', () => {
    expect(domainsOf(base).length).toBeGreaterThanOrEqual(3);
    for (const [domain, before] of domainsOf(base)) {
      const { environment } = stack.services[domain];
      const { environment: baseEnvironment } = before;
      const { REDIS_URL, REDIS_SENTINELS, REDIS_SENTINEL_MASTER, REDIS_WAIT_REPLICAS, REDIS_WAIT_TIMEOUT_MS, ...others } =
        environment ?? {};
      expect({ domain, REDIS_URL, REDIS_SENTINELS, REDIS_SENTINEL_MASTER, REDIS_WAIT_REPLICAS, REDIS_WAIT_TIMEOUT_MS }).toEqual({
        domain,
        REDIS_URL: '',
        REDIS_SENTINELS: SENTINELS.map((sentinel) => `${sentinel}:26379`).join(','),
        REDIS_SENTINEL_MASTER: 'mesh',
        REDIS_WAIT_REPLICAS: '1',
        REDIS_WAIT_TIMEOUT_MS: '1000',
      });
      const { REDIS_URL: baseUrl, ...baseOthers } = baseEnvironment ?? {};
      expect(baseUrl).toBe('redis://redis:6379');
      // Still its own ACL user and password: the sentinels only say where the master is.
      expect({ domain, ...others }).toEqual({ domain, ...baseOthers });
      for (const sentinel of SENTINELS) {
        expect({ domain, sentinel, events: 'events' in (stack.services[sentinel].networks ?? {}) }).toEqual({
          domain,
          sentinel,
          events: true,
        });
      }
      expect(Object.keys(stack.services[domain].networks ?? {})).toContain('events');
    }
  });

  it('runs the master with stack.yml\'s settings and the replica of it, both logging in as mesh-admin', () => {
    const baseArguments = (base.services['redis'].command ?? []).slice(1); // after `redis-server`
    const started = Object.fromEntries(DATA_NODES.map((name) => [name, start(stack.services[name], 'admin-secret')]));
    for (const name of DATA_NODES) {
      const { args, stdin } = started[name];
      // Every setting of stack.yml's redis, so that an edit there is not lost under the overlay.
      expect({ name, settings: args.slice(1, 1 + baseArguments.length) }).toEqual({ name, settings: baseArguments });
      expect({ name, stdinConfig: args[0] }).toEqual({ name, stdinConfig: '-' });
      expect({ name, login: linesOf(stdin) }).toEqual({ name, login: ['masteruser mesh-admin', 'masterauth admin-secret'] });
      // Announced by its service name: a new task has a new address.
      expect({ name, announced: args.slice(args.indexOf('--replica-announce-ip'))[1] }).toEqual({ name, announced: name });
      const service = stack.services[name];
      expect({ name, user: service.user }).toEqual({ name, user: 'redis' });
      expect({ name, secrets: [...(service.secrets ?? [])].sort((a, b) => a.source.localeCompare(b.source)) }).toEqual({
        name,
        secrets: [
          { source: 'mesh_redis_acl', target: 'redis_acl' },
          { source: 'mesh_redis_password_mesh_admin', target: 'redis_admin_password' },
        ],
      });
      expect({ name, networks: Object.keys(service.networks ?? {}) }).toEqual({ name, networks: ['events'] });
      expect({ name, update: service.deploy?.update_config?.order }).toEqual({ name, update: 'stop-first' });
    }
    const replicaOf = (args: string[]) => args.slice(args.indexOf('--replicaof') + 1, args.indexOf('--replicaof') + 3);
    expect(started['redis'].args).not.toContain('--replicaof');
    expect(replicaOf(started['redis-replica'].args)).toEqual(['redis', '6379']);
    // Each data node has a volume of its own.
    expect(DATA_NODES.map((name) => stack.services[name].volumes?.map(({ source, target }) => [source, target]))).toEqual([
      [['redis-data', '/data']],
      [['redis-replica-data', '/data']],
    ]);
    expect(stack.secrets['mesh_redis_password_mesh_admin']).toEqual({ external: true, name: 'mesh_redis_password_mesh_admin' });
  });

  it('runs three sentinels, quorum 2, on the same master, each announcing its own name, with a writable config', () => {
    const monitors = new Set<string>();
    for (const name of SENTINELS) {
      const { args, sentinelConfig } = start(stack.services[name], 'admin-secret');
      // Sentinel rewrites its config file: one written at start, in the task's own /data.
      expect({ name, args }).toEqual({ name, args: ['/data/sentinel.conf', '--sentinel'] });
      const config = linesOf(sentinelConfig);
      const monitor = config.find((line) => line.startsWith('sentinel monitor '));
      monitors.add(monitor ?? '');
      // A host name in `monitor` needs resolve-hostnames before it.
      expect({ name, order: config.indexOf('sentinel resolve-hostnames yes') < config.indexOf(monitor ?? '') }).toEqual({
        name,
        order: true,
      });
      expect({ name, config }).toEqual({
        name,
        config: expect.arrayContaining([
          'port 26379',
          'sentinel resolve-hostnames yes',
          'sentinel announce-hostnames yes',
          `sentinel announce-ip ${name}`,
          'sentinel down-after-milliseconds mesh 5000',
          'sentinel auth-user mesh mesh-admin',
          'sentinel auth-pass mesh admin-secret',
        ]),
      });
      const service = stack.services[name];
      expect({ name, user: service.user, secrets: service.secrets }).toEqual({
        name,
        user: 'redis',
        secrets: [{ source: 'mesh_redis_password_mesh_admin', target: 'redis_admin_password' }],
      });
    }
    expect([...monitors]).toEqual(['sentinel monitor mesh redis 6379 2']);
  });

  it('uses DNS round robin everywhere, and gives the added services health checks, restart policies and limits', () => {
    expect(new Set(Object.values(stack.services).map((service) => service.deploy?.endpoint_mode))).toEqual(new Set(['dnsrr']));
    for (const name of ['redis-replica', ...SENTINELS]) {
      const service = stack.services[name];
      expect({ name, healthcheck: (service.healthcheck?.test?.length ?? 0) > 1 }).toEqual({ name, healthcheck: true });
      expect({ name, restart: service.deploy?.restart_policy?.condition }).toEqual({ name, restart: 'any' });
      expect({ name, limits: service.deploy?.resources?.limits }).toEqual({
        name,
        limits: { cpus: expect.stringMatching(/^\d/), memory: expect.stringMatching(/^\d+$/) },
      });
    }
  });

  it('fits on one manager by default, and puts master, replica and sentinels on the labelled nodes', async () => {
    const oneNode = new Set(['node.role == manager', 'node.platform.os == linux']);
    for (const name of [...DATA_NODES, ...SENTINELS]) {
      const outside = constraintsOf(stack.services[name]).filter((constraint) => !oneNode.has(constraint));
      expect({ name, outside }).toEqual({ name, outside: [] });
    }
    const labelled = {
      REDIS_PLACEMENT: 'node.labels.mesh.redis == a',
      REDIS_REPLICA_PLACEMENT: 'node.labels.mesh.redis == b',
      REDIS_SENTINEL_1_PLACEMENT: 'node.labels.mesh.redis == a',
      REDIS_SENTINEL_2_PLACEMENT: 'node.labels.mesh.redis == b',
      REDIS_SENTINEL_3_PLACEMENT: 'node.labels.mesh.redis == c',
    };
    const { stack: spread } = await resolveStackConfig([STACK, SENTINEL], { ...WITH_EMPTY_URL, ...labelled });
    // The master keeps stack.yml's STORE_PLACEMENT too: its volume is on that node.
    expect(constraintsOf(spread.services['redis'])).toEqual(['node.role == manager', 'node.labels.mesh.redis == a']);
    expect(constraintsOf(spread.services['redis-replica'])).toEqual(['node.labels.mesh.redis == b']);
    expect(SENTINELS.map((name) => constraintsOf(spread.services[name]))).toEqual([
      ['node.labels.mesh.redis == a'],
      ['node.labels.mesh.redis == b'],
      ['node.labels.mesh.redis == c'],
    ]);
  });
});

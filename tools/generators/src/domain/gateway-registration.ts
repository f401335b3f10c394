import type { DomainNames } from './domain-names';

/** The gateway's HAProxy configuration (a Swarm config of the stack) that the generator adds the domain's API to. */
export const GATEWAY_CONFIG_FILE = 'deploy/gateway/haproxy.cfg';

/**
 * haproxy.cfg with the domain's API published as the sample domains' are: a frontend on its port
 * (with /metrics kept inside) before the first backend, and a backend for the healthy tasks of its
 * service at the end. Edited as text, so that the file keeps its comments and layout.
 * @returns undefined when the file has no backend to place the frontend before.
 */
export function haproxyWithDomain(content: string, domain: DomainNames, port: number): string | undefined {
  const lines = content.split('\n');
  const firstBackend = lines.findIndex((line) => /^backend \S+$/.test(line));
  if (firstBackend < 0) return undefined;
  const frontend = [
    `frontend ${domain.name}`,
    `  bind :${port}`,
    '  http-request deny deny_status 404 if { path_beg /metrics }',
    `  default_backend ${domain.name}`,
    '',
  ];
  const backend = [
    '',
    `backend ${domain.name}`,
    '  option httpchk GET /health/ready',
    '  http-check expect status 200',
    `  server-template ${domain.name}- 10 tasks.${domain.name}:${port}`,
  ];
  lines.splice(firstBackend, 0, ...frontend);
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return `${[...lines, ...backend].join('\n')}\n`;
}

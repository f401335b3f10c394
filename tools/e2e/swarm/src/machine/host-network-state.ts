import { existsSync, readFileSync, writeFileSync } from 'node:fs';

import { run } from '../shell/run';

const IP_FORWARD = '/proc/sys/net/ipv4/ip_forward';

/**
 * What a Docker daemon leaves behind on the host when it stops: its bridges (docker0,
 * docker_gwbridge), its iptables chains and FORWARD policy, IP forwarding switched on. Taken
 * before this run starts dockerd, and put back after it stopped it, so that the machine is left
 * as it was found.
 */
export interface HostNetworkState {
  readonly links: ReadonlySet<string>;
  readonly iptables?: string;
  readonly ipForward?: string;
}

export async function captureHostNetwork(): Promise<HostNetworkState> {
  const iptables = await run('iptables-save', []).catch(() => undefined);
  return {
    links: await linkNames(),
    iptables: iptables?.code === 0 ? iptables.stdout : undefined,
    ipForward: existsSync(IP_FORWARD) ? readFileSync(IP_FORWARD, 'utf8').trim() : undefined,
  };
}

/** Deletes links that were not there before and restores the iptables rules; returns what it did. */
export async function restoreHostNetwork(before: HostNetworkState): Promise<string[]> {
  const done: string[] = [];
  for (const link of await linkNames()) {
    if (before.links.has(link)) continue;
    if ((await run('ip', ['link', 'delete', link])).code === 0) done.push(`deleted link ${link}`);
  }
  if (before.iptables !== undefined) {
    const now = await run('iptables-save', []);
    if (now.code === 0 && withoutComments(now.stdout) !== withoutComments(before.iptables)) {
      const restored = await run('iptables-restore', [], { input: withEmptyTables(before.iptables, now.stdout) });
      done.push(
        restored.code === 0 ? 'restored the iptables rules' : `iptables-restore failed: ${restored.stderr.trim()}`,
      );
    }
  }
  if (before.ipForward !== undefined && readFileSync(IP_FORWARD, 'utf8').trim() !== before.ipForward) {
    writeFileSync(IP_FORWARD, before.ipForward);
    done.push(`net.ipv4.ip_forward back to ${before.ipForward}`);
  }
  return done;
}

async function linkNames(): Promise<Set<string>> {
  const result = await run('ip', ['-o', 'link', 'show']).catch(() => undefined);
  if (!result || result.code !== 0) return new Set();
  // "3: docker0: <…>" or "7: veth1a2b@if6: <…>"
  return new Set(result.stdout.split('\n').flatMap((line) => /^\d+:\s+([^:@\s]+)/.exec(line)?.[1] ?? []));
}

/** iptables-save writes timestamps and packet counters in comments and brackets. */
function withoutComments(rules: string): string {
  return rules
    .split('\n')
    .filter((line) => !line.startsWith('#'))
    .map((line) => line.replace(/\[\d+:\d+\]/g, ''))
    .join('\n');
}

const BUILT_IN_CHAINS: Record<string, string[]> = {
  filter: ['INPUT', 'FORWARD', 'OUTPUT'],
  nat: ['PREROUTING', 'INPUT', 'OUTPUT', 'POSTROUTING'],
  mangle: ['PREROUTING', 'INPUT', 'FORWARD', 'OUTPUT', 'POSTROUTING'],
  raw: ['PREROUTING', 'OUTPUT'],
};

/**
 * iptables-restore replaces only the tables its input names: a table that had no rules before
 * (so iptables-save did not list it) is added empty, with its chains accepting, as it was.
 */
function withEmptyTables(before: string, now: string): string {
  const tables = (rules: string) => new Set([...rules.matchAll(/^\*(\w+)$/gm)].map((match) => match[1]));
  const missing = [...tables(now)].filter((table) => !tables(before).has(table) && BUILT_IN_CHAINS[table]);
  const empty = missing.map((table) =>
    [`*${table}`, ...BUILT_IN_CHAINS[table].map((chain) => `:${chain} ACCEPT [0:0]`), 'COMMIT'].join('\n'),
  );
  return [before.trimEnd(), ...empty, ''].join('\n');
}

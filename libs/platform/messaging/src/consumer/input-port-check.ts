import type { DataProductManifest } from '@mesh/contract-kit';

import type { DeclaredInput } from './consumer-declaration';

/**
 * Where the manifest's input ports and the code's consumer declarations disagree, one sentence
 * each (empty when they agree). The manifest is what the catalog, the ACLs and the other teams
 * read; the declarations are what runs, so a difference is a promise the service does not keep.
 */
export function inputPortMismatches(
  manifest: Pick<DataProductManifest, 'domain' | 'inputPorts'>,
  declared: readonly DeclaredInput[],
): string[] {
  const key = (input: { stream: string; group: string }) => `${input.stream} (group ${input.group})`;
  const ports = new Map(manifest.inputPorts.map((port) => [key(port), port]));
  const inputs = new Map(declared.map((input) => [key(input), input]));
  const mismatches: string[] = [];
  for (const [name, input] of inputs) {
    const port = ports.get(name);
    if (!port) {
      mismatches.push(`${name} is consumed but the ${manifest.domain} manifest declares no input port for it`);
      continue;
    }
    const missing = input.eventTypes.filter((type) => !port.eventTypes.includes(type));
    const extra = port.eventTypes.filter((type) => !input.eventTypes.includes(type));
    if (missing.length > 0) mismatches.push(`${name}: handled but not in the manifest: ${missing.join(', ')}`);
    if (extra.length > 0) mismatches.push(`${name}: in the manifest but not handled: ${extra.join(', ')}`);
  }
  for (const name of ports.keys()) {
    if (!inputs.has(name)) mismatches.push(`${name} is an input port of the manifest but no consumer reads it`);
  }
  return mismatches;
}

/** @throws Error listing every mismatch, so that a service never starts with a manifest that lies. */
export function assertInputPorts(
  manifest: Pick<DataProductManifest, 'domain' | 'inputPorts'>,
  declared: readonly DeclaredInput[],
): void {
  const mismatches = inputPortMismatches(manifest, declared);
  if (mismatches.length > 0) {
    throw new Error(
      `the ${manifest.domain} manifest's input ports do not match its consumers:\n  ${mismatches.join('\n  ')}`,
    );
  }
}

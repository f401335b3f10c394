import { type MeshService, serviceUrl } from './mesh-services';

/** service | URL | readiness | API docs, one row per service, as `npm start` prints it once all are up. */
export async function formatStatusTable(services: readonly MeshService[]): Promise<string> {
  const rows = await Promise.all(
    services.map(async (service) => {
      const url = serviceUrl(service);
      return [service.name, url, await readiness(url), `${url}/docs`];
    }),
  );
  const header = ['service', 'url', 'health', 'api docs'];
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column].length)));
  const line = (cells: readonly string[]) => cells.map((cell, column) => cell.padEnd(widths[column])).join('  ').trimEnd();
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join('\n');
}

async function readiness(url: string): Promise<string> {
  try {
    const response = await fetch(`${url}/health/ready`, { signal: AbortSignal.timeout(2_000) });
    return response.ok ? 'ready' : `not ready (${response.status})`;
  } catch (error) {
    return `unreachable (${error instanceof Error ? error.message : String(error)})`;
  }
}

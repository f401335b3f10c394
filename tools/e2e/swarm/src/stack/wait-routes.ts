import { describeOutcome, MeshApi } from '../../../kit/src/api/mesh-api';
import { eventually } from '../../../kit/src/eventually';

/** A domain's readiness URL behind the gateway's published port. */
export interface GatewayRoute {
  readonly name: string;
  readonly url: string;
}

export interface RouteWaitOptions {
  readonly timeoutMs: number;
  readonly pollMs?: number;
  readonly log?: (line: string) => void;
}

const REQUEST_TIMEOUT_MS = 3_000;

/**
 * Waits until the gateway routes to every domain: each route's readiness URL, asked through the
 * gateway, answers 200. Healthy tasks are not enough: HAProxy finds them through Docker's DNS and
 * its own health checks a few seconds later, and until then it answers 503 "No server is
 * available". On timeout the error names each route that never answered 200, with its last answer.
 */
export async function waitForGatewayRoutes(routes: readonly GatewayRoute[], options: RouteWaitOptions): Promise<void> {
  const started = Date.now();
  const lastAnswer = new Map<string, string>();
  let waiting = [...routes];
  /** Asks the routes not yet answering: @returns those that still do not. */
  const askWaiting = async () => {
    const answers = await Promise.all(waiting.map(async (route) => ({ route, answer: await ask(route.url) })));
    for (const { route, answer } of answers) {
      lastAnswer.set(route.name, answer.text);
      if (answer.ok)
        options.log?.(`  gateway routes to ${route.name} after ${((Date.now() - started) / 1000).toFixed(1)} s`);
    }
    waiting = answers.filter(({ answer }) => !answer.ok).map(({ route }) => route);
    return waiting;
  };
  const waited = await eventually(askWaiting, (left) => left.length === 0, options.timeoutMs, options.pollMs ?? 1_000);
  if (waited.settled) return;
  const lines = waiting.map((route) => `  ${route.name} (${route.url}): last answer ${lastAnswer.get(route.name)}`);
  throw new Error(
    `the gateway does not route to ${waiting.map((route) => route.name).join(', ')} ` +
      `after ${options.timeoutMs / 1000} s:\n${lines.join('\n')}`,
  );
}

/** A readiness URL's answer through the gateway, its HTML (HAProxy's own pages) reduced to text. */
async function ask(url: string): Promise<{ ok: boolean; text: string }> {
  const outcome = await new MeshApi({ name: url, baseUrl: url, timeoutMs: REQUEST_TIMEOUT_MS }).call({
    method: 'GET',
    path: '',
  });
  if (outcome.kind === 'no-answer') return { ok: false, text: describeOutcome(outcome) };
  const body = outcome.text
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return { ok: outcome.status === 200, text: `${outcome.status} ${body.slice(0, 200)}`.trim() };
}

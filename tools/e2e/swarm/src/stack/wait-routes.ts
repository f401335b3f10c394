import { setTimeout as sleep } from 'node:timers/promises';

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
  const deadline = Date.now() + options.timeoutMs;
  const started = Date.now();
  const lastAnswer = new Map<string, string>();
  let waiting = [...routes];
  for (;;) {
    const answers = await Promise.all(waiting.map(async (route) => ({ route, answer: await ask(route.url) })));
    for (const { route, answer } of answers) {
      lastAnswer.set(route.name, answer.text);
      if (answer.ok)
        options.log?.(`  gateway routes to ${route.name} after ${((Date.now() - started) / 1000).toFixed(1)} s`);
    }
    waiting = answers.filter(({ answer }) => !answer.ok).map(({ route }) => route);
    if (waiting.length === 0) return;
    if (Date.now() >= deadline) {
      const lines = waiting.map((route) => `  ${route.name} (${route.url}): last answer ${lastAnswer.get(route.name)}`);
      throw new Error(
        `the gateway does not route to ${waiting.map((route) => route.name).join(', ')} ` +
          `after ${options.timeoutMs / 1000} s:\n${lines.join('\n')}`,
      );
    }
    await sleep(Math.min(options.pollMs ?? 1_000, Math.max(0, deadline - Date.now())));
  }
}

async function ask(url: string): Promise<{ ok: boolean; text: string }> {
  try {
    const response = await fetch(url, {
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    const body = (await response.text())
      .replace(/<[^>]+>/g, ' ')
      .replace(/\s+/g, ' ')
      .trim();
    return {
      ok: response.status === 200,
      text: `${response.status} ${body.slice(0, 200)}`.trim(),
    };
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    return {
      ok: false,
      text: `no answer (${cause?.code ?? cause?.message ?? (error as Error).message})`,
    };
  }
}

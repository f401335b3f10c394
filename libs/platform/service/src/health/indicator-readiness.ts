import type { HealthIndicatorFunction } from '@nestjs/terminus';

import type { ReadinessCheck, ReadinessContext } from './readiness-check';

/**
 * Adapts a Terminus indicator (e.g. HttpHealthIndicator.pingCheck) so a domain
 * can reuse Terminus' own indicators as readiness checks.
 */
export function indicatorReadiness(
  name: string,
  indicator: (context: ReadinessContext) => HealthIndicatorFunction,
  options: { timeoutMs?: number } = {},
): ReadinessCheck {
  return {
    name,
    timeoutMs: options.timeoutMs,
    setup: (context) => {
      const run = indicator(context);
      return {
        check: async () => {
          const result = await run();
          const down = Object.entries(result).find(([, detail]) => detail.status === 'down');
          if (down) throw new Error(`${down[0]} is down${describe(down[1])}`);
          return result;
        },
      };
    },
  };
}

function describe(detail: { [key: string]: unknown }): string {
  return typeof detail['message'] === 'string' ? `: ${detail['message']}` : '';
}

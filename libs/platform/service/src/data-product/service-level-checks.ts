import type { DataProductManifest, InputStreamStatus, ServiceLevelCheck } from '@mesh/contract-kit';

import type { MeasuredFigures } from './data-product-status-source';

/**
 * Holds the figures against the manifest's service levels. A figure that could not be measured
 * fails its check: a promise nobody can see being kept is reported as not kept. Availability is
 * left out: it can only be measured from outside the service.
 */
export function checkServiceLevels(manifest: DataProductManifest, figures: MeasuredFigures): ServiceLevelCheck[] {
  const levels = manifest.serviceLevels;
  const checks: ServiceLevelCheck[] = [];
  if (manifest.inputPorts.length > 0 && levels.freshnessSeconds !== undefined) {
    checks.push(freshness(levels.freshnessSeconds, figures));
  }
  for (const input of figures.inputs) {
    checks.push(consumerLag(levels.maxConsumerLag, input), deadLetters(input));
  }
  checks.push(outboxAge(levels.maxOutboxAgeSeconds, figures));
  return checks;
}

function freshness(objective: number, figures: MeasuredFigures): ServiceLevelCheck {
  const measured = figures.freshnessSeconds;
  const failed = figures.inputs.find((input) => input.behindSeconds === null);
  return {
    name: 'freshness',
    objective: `≤ ${objective} s behind the inputs`,
    measured:
      measured === null
        ? notMeasured(failed ? `${failed.stream}: ${failed.error ?? 'unknown'}` : undefined)
        : measured === 0
          ? 'caught up (0 s behind)'
          : `${seconds(measured)} behind`,
    kept: measured !== null && measured <= objective,
  };
}

/** Lag in the promise's sense: entries the group has not applied yet, delivered or not. */
function consumerLag(objective: number, input: InputStreamStatus): ServiceLevelCheck {
  const notApplied = input.lag === null || input.pending === null ? null : input.lag + input.pending;
  return {
    name: `consumer-lag:${input.stream}`,
    objective: `≤ ${objective} entries not yet applied (group ${input.group})`,
    measured:
      notApplied === null
        ? notMeasured(input.error ?? (input.lag === null ? 'Redis cannot tell the lag' : undefined))
        : `${notApplied} (${input.lag} undelivered, ${input.pending} pending)`,
    kept: notApplied !== null && notApplied <= objective,
  };
}

/** A dead letter is an input event whose effect is missing until someone redrives it. */
function deadLetters(input: InputStreamStatus): ServiceLevelCheck {
  return {
    name: `dead-letters:${input.stream}`,
    objective: `0: every event applied (group ${input.group})`,
    measured: input.deadLetters === null ? notMeasured(input.error) : `${input.deadLetters} dead letter(s)`,
    kept: input.deadLetters === 0,
  };
}

function outboxAge(objective: number, figures: MeasuredFigures): ServiceLevelCheck {
  const { backlog, oldestAgeSeconds, error } = figures.outbox;
  const age = backlog === 0 ? 0 : oldestAgeSeconds;
  return {
    name: 'outbox-age',
    objective: `oldest unpublished event ≤ ${objective} s`,
    measured:
      backlog === null || age === null
        ? notMeasured(error)
        : backlog === 0
          ? 'empty'
          : `${seconds(age)} (${backlog} waiting)`,
    kept: backlog !== null && age !== null && age <= objective,
  };
}

function notMeasured(reason: string | undefined): string {
  return reason ? `not measured: ${reason}` : 'not measured';
}

function seconds(value: number): string {
  return `${value < 10 ? Math.round(value * 10) / 10 : Math.round(value)} s`;
}

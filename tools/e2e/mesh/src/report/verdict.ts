import type { LogFindings } from '../harness/service-log';
import type { ScenarioResult } from '../scenario/mesh-scenario';

/** The least the malformed-request phase must send (issue 9). */
export const MIN_MALFORMED_REQUESTS = 10_000;

/**
 * Each quality bar of ARCHITECTURE.md section 8 the run must hold, as a failure in words when it
 * did not: no 5xx anywhere, no crashed process, every accepted order reflected exactly once,
 * the poison events dead-lettered by every group, writes accepted while Redis was down.
 */
export function verdict(
  result: ScenarioResult,
  logs: ReadonlyMap<string, LogFindings>,
  crashes: readonly string[],
): string[] {
  return [...processFailures(result, logs, crashes), ...figureFailures(result), ...poisonFailures(result)];
}

/** Collects `failure` when a bar does not hold. */
function bars(): { fail: (holds: boolean, failure: string) => void; failures: string[] } {
  const failures: string[] = [];
  return { fail: (holds, failure) => void (holds || failures.push(failure)), failures };
}

/** No 5xx answered or logged, every malformed request refused with a 4xx, no crash, every process alive and ready. */
function processFailures(
  result: ScenarioResult,
  logs: ReadonlyMap<string, LogFindings>,
  crashes: readonly string[],
): string[] {
  const { fail, failures } = bars();
  fail(
    result.tally.serverErrors.length === 0,
    `5xx answers to the scenario's requests:\n  ${result.tally.serverErrors.slice(0, 10).join('\n  ')}`,
  );
  for (const [service, findings] of logs) {
    fail(
      findings.serverErrors.length === 0,
      `${service} logged ${findings.serverErrors.length} 5xx answer(s): ${findings.serverErrors.slice(0, 5).join('; ')}`,
    );
  }
  fail(
    result.fuzz.sent >= MIN_MALFORMED_REQUESTS,
    `only ${result.fuzz.sent} malformed requests were sent (at least ${MIN_MALFORMED_REQUESTS})`,
  );
  fail(
    result.fuzz.failureCount === 0,
    `${result.fuzz.failureCount} malformed request(s) did not get a 4xx with an error message:\n  ${result.fuzz.failures.join('\n  ')}`,
  );
  fail(crashes.length === 0, `process(es) exited on their own: ${crashes.join('; ')}`);
  for (const process of result.liveness) {
    fail(
      process.pid !== undefined && process.ready === 'ready',
      `${process.service} is not alive and ready at the end: ${process.pid === undefined ? 'not running' : process.ready}`,
    );
  }
  const analytics = result.liveness.find((process) => process.service === 'analytics');
  fail(
    analytics?.starts === 2,
    `analytics should have been started twice (once after its SIGKILL), was started ${analytics?.starts ?? 0} time(s)`,
  );
  return failures;
}

/** Every accepted order reflected exactly once, and still so at the recheck; writes accepted while Redis was down. */
function figureFailures(result: ScenarioResult): string[] {
  const { fail, failures } = bars();
  const { comparison } = result.convergence;
  fail(
    comparison.differences.length === 0,
    `figures differ from the accepted requests after ${result.convergence.seconds.toFixed(0)} s:\n  ${comparison.differences.slice(0, 15).join('\n  ')}`,
  );
  fail(
    result.recheck.differences.length === 0,
    `figures changed after they matched:\n  ${result.recheck.differences.slice(0, 15).join('\n  ')}`,
  );
  fail(result.outage.ordersAccepted > 0, 'no order was accepted during the Redis fault');
  return failures;
}

/** Each poison event dead-lettered as malformed by both consumer groups of its stream. */
function poisonFailures(result: ScenarioResult): string[] {
  const { fail, failures } = bars();
  for (const poison of result.poisons) {
    const findings = result.deadLetters.filter((finding) => finding.poison.id === poison.id);
    fail(
      findings.length >= 2,
      `${poison.stream} has ${findings.length} consumer group(s); the mesh has two consumers of each stream`,
    );
    for (const finding of findings) {
      fail(
        finding.reason?.startsWith('malformed') === true,
        `the poison ${poison.type} is not in ${poison.stream}'s dead letters of group ${finding.group} as malformed (reason: ${finding.reason ?? 'absent'})`,
      );
    }
  }
  return failures;
}

import { constants } from 'node:os';

export interface CrashedBuildStep {
  /** The RUN instruction as the classic builder printed it. */
  readonly command: string;
  readonly exitCode: number;
  /** e.g. SIGSEGV; undefined for a number this platform has no name for. */
  readonly signal: string | undefined;
}

const SIGNAL_NAMES = new Map(Object.entries(constants.signals).map(([name, number]) => [number, name]));
/** SIGKILL is the kernel's OOM killer or a timeout: a rebuild would meet the same limit. */
const NOT_A_CRASH = new Set(['SIGKILL', 'SIGTERM', 'SIGINT']);

/**
 * The RUN step of a failed `docker build` whose process was killed by a signal it did not ask for
 * (a shell reports such a process as exit code 128 + the signal's number), e.g. a native module
 * crashing with SIGSEGV. That is the build tool's crash, not the recipe's error: the same step on
 * the same layers passes when run again. Anything else (a compile error, a missing package) is
 * undefined here and must fail the build.
 */
export function crashedBuildStep(output: string): CrashedBuildStep | undefined {
  const match = /The command '(?<command>.*)' returned a non-zero code: (?<code>\d+)/.exec(output);
  if (!match?.groups) return undefined;
  const exitCode = Number(match.groups['code']);
  if (exitCode <= 128 || exitCode > 128 + 64) return undefined;
  const signal = SIGNAL_NAMES.get(exitCode - 128);
  if (signal !== undefined && NOT_A_CRASH.has(signal)) return undefined;
  return { command: match.groups['command'] ?? '', exitCode, signal };
}

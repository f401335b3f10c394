import { publicFailure } from '../http/public-failure';
import type { MeasuredFigures } from './data-product-status-source';

/**
 * The figures as `/.well-known/data-product` shows them to anyone: each part that could not be
 * measured says why with a stable code (`publicFailure`), and its driver's words go to `report`
 * (the service's log) instead.
 */
export function withPublicFailures(
  figures: MeasuredFigures,
  report: (part: string, detail: string) => void,
): MeasuredFigures {
  const shown = <T extends { error?: string }>(part: string, measured: T): T => {
    if (measured.error === undefined) return measured;
    report(part, measured.error);
    return { ...measured, error: publicFailure(measured.error) };
  };
  return {
    ...figures,
    outputs: figures.outputs.map((output) => shown(`output ${output.stream}`, output)),
    inputs: figures.inputs.map((input) => shown(`input ${input.stream} (group ${input.group})`, input)),
    outbox: shown('outbox', figures.outbox),
  };
}

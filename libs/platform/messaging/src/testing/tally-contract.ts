import { defineEvent } from '@mesh/contract-kit';
import { z } from 'zod';

/**
 * The contract of the SIGKILL test's events, on a stream chosen by the test: the test process
 * and its consumer processes build it from the same stream name.
 */
export function tallyContract(stream: string) {
  return defineEvent({
    type: 'test.tally.counted',
    version: 1,
    source: '/test',
    stream,
    description: 'An amount was counted for a subject.',
    schema: z.object({ itemId: z.string().min(1), amount: z.int() }),
    example: { itemId: 'a', amount: 1 },
  });
}

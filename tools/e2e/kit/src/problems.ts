/**
 * Everything that went wrong during the run, in words. `collect` (the mesh e2e, the soak): the run
 * goes on and fails at its end when there is any. `throw` (the swarm e2e, the bench's seed data):
 * the first one is thrown, and the run stops there.
 */
export class Problems {
  readonly list: string[] = [];

  constructor(readonly mode: 'collect' | 'throw' = 'collect') {}

  add(problem: string): void {
    if (this.mode === 'throw') throw new Error(problem);
    this.list.push(problem);
  }

  /** Adds `problem` unless `holds`; returns whether it held. */
  expect(holds: boolean, problem: string): boolean {
    if (!holds) this.add(problem);
    return holds;
  }
}

/** Everything that went wrong during the run, in words; the run fails when there is any. */
export class Problems {
  readonly list: string[] = [];

  add(problem: string): void {
    this.list.push(problem);
  }

  /** Records `check`'s failure as a problem instead of throwing; returns whether it held. */
  expect(holds: boolean, problem: string): boolean {
    if (!holds) this.add(problem);
    return holds;
  }
}

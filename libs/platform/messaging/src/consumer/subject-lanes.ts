/**
 * Runs tasks of one subject one after another, in the order they were queued, while tasks of
 * different subjects run side by side.
 */
export class SubjectLanes {
  private readonly tails = new Map<string, Promise<void>>();

  run(subject: string, task: () => Promise<void>): Promise<void> {
    const previous = this.tails.get(subject) ?? Promise.resolve();
    const next = previous.then(task, task);
    const tail = next.catch(() => undefined);
    this.tails.set(subject, tail);
    void tail.then(() => {
      if (this.tails.get(subject) === tail) this.tails.delete(subject);
    });
    return next;
  }
}

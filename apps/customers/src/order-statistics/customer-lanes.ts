/**
 * Runs the tasks of one customer one after another, those of different customers at once. The
 * consumer keeps order per order (the events' subject), so several orders of one customer are
 * handled concurrently; each applies its effect only to the customer as it read it, so without
 * lanes all but one would find the customer changed and have to read and decide again.
 */
export class CustomerLanes {
  private readonly tails = new Map<string, Promise<unknown>>();

  run<T>(customerId: string, task: () => Promise<T>): Promise<T> {
    const result = (this.tails.get(customerId) ?? Promise.resolve()).then(task);
    const tail = result.catch(() => undefined);
    this.tails.set(customerId, tail);
    void tail.then(() => {
      if (this.tails.get(customerId) === tail) this.tails.delete(customerId);
    });
    return result;
  }

  /** Customers with tasks queued or running. */
  get size(): number {
    return this.tails.size;
  }
}

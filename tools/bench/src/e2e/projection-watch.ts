import { Client } from 'pg';

/**
 * Watches the analytics database for orders as they enter its projections: an order is there
 * once the transaction that applied its `orders.order.placed` event (daily sales, customer
 * value, product sales and `projected_orders` together) has committed. Polls every `intervalMs`
 * for the orders still awaited and reports each with the time it was first seen.
 */
export class ProjectionWatch {
  private readonly awaited = new Map<string, (seenAt: number) => void>();
  private running: Promise<void> | undefined;
  private stopped = false;

  private constructor(
    private readonly client: Client,
    private readonly intervalMs: number,
  ) {}

  static async open(analyticsDatabaseUrl: string, intervalMs: number): Promise<ProjectionWatch> {
    const client = new Client({ connectionString: analyticsDatabaseUrl });
    await client.connect();
    const watch = new ProjectionWatch(client, intervalMs);
    watch.running = watch.poll();
    return watch;
  }

  /** Resolves with performance.now() of the poll that first found the order projected. */
  seen(orderId: string): Promise<number> {
    return new Promise((resolve) => this.awaited.set(orderId, resolve));
  }

  get waiting(): number {
    return this.awaited.size;
  }

  async close(): Promise<void> {
    this.stopped = true;
    await this.running;
    await this.client.end();
  }

  private async poll(): Promise<void> {
    while (!this.stopped) {
      if (this.awaited.size > 0) {
        const ids = [...this.awaited.keys()];
        const { rows } = await this.client.query<{ order_id: string }>(
          'SELECT order_id FROM projected_orders WHERE placed AND order_id = ANY($1::uuid[])',
          [ids],
        );
        const now = performance.now();
        for (const { order_id: id } of rows) {
          this.awaited.get(id)?.(now);
          this.awaited.delete(id);
        }
      }
      await new Promise((resolve) => setTimeout(resolve, this.intervalMs));
    }
  }
}

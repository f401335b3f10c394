/**
 * Every answer the scenario got, counted per endpoint and status, and the 5xx answers kept with
 * their bodies: the scenario fails on any of them.
 */
export class StatusTally {
  private readonly counts = new Map<string, Map<number, number>>();
  readonly serverErrors: string[] = [];

  record(endpoint: string, status: number, body: string): void {
    const byStatus = this.counts.get(endpoint) ?? new Map<number, number>();
    byStatus.set(status, (byStatus.get(status) ?? 0) + 1);
    this.counts.set(endpoint, byStatus);
    if (status >= 500) this.serverErrors.push(`${endpoint} → ${status}: ${body.slice(0, 300)}`);
  }

  /** Answers per endpoint, e.g. `POST /orders` → `201×812 422×3`. */
  summary(): Array<[string, string]> {
    return [...this.counts.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([endpoint, byStatus]) => [
        endpoint,
        [...byStatus.entries()]
          .sort(([a], [b]) => a - b)
          .map(([status, count]) => `${status}×${count}`)
          .join(' '),
      ]);
  }

  total(): number {
    let total = 0;
    for (const byStatus of this.counts.values()) for (const count of byStatus.values()) total += count;
    return total;
  }
}

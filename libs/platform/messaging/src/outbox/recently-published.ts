/**
 * Ids of the events this relay published lately, oldest first. A store may show a published
 * event again: on FerretDB (v1, SQLite) a `$pullAll` that races with the application's update
 * of the same document can be overwritten (the server reads and rewrites a document in two
 * steps). Remembering them keeps the relay from publishing them twice; it marks them again.
 */
export class RecentlyPublished {
  private readonly ids = new Set<string>();

  constructor(private readonly capacity: number) {}

  has(id: string): boolean {
    return this.ids.has(id);
  }

  add(ids: Iterable<string>): void {
    for (const id of ids) {
      this.ids.add(id);
    }
    // A Set iterates in insertion order, so the first ids are the oldest.
    for (const id of this.ids) {
      if (this.ids.size <= this.capacity) break;
      this.ids.delete(id);
    }
  }
}

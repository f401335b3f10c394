/** XREADGROUP's reply: per key, its entries as [id, [field, value, …]]. */
export type StreamReadReply = Array<[key: string, entries: Array<[id: string, fields: string[] | null]>]> | null;

/** XCLAIM's reply: entries as [id, [field, value, …]]; deleted entries are left out or null. */
export type StreamClaimReply = Array<[id: string, fields: string[] | null] | null>;

/** Extended XPENDING's reply: [id, consumer, idle ms, delivery count] per entry. */
export type PendingReply = Array<[id: string, consumer: string, idleMs: number, deliveries: number]>;

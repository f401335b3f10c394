/**
 * The Redis commands each kind of access needs, read from what @mesh/messaging, ioredis and
 * BullMQ really send (see the ACL section of tools/mesh-cli/README.md). Anything not listed is
 * refused: in particular every @admin and @dangerous command except the two noted below.
 */

/**
 * Key-less commands every client of a domain sends on its own connection: PING (the readiness
 * probe), QUIT (closing a connection; BullMQ too), TIME (the data-product status measures ages on
 * Redis's clock, which stamped the entry ids), CLIENT SETNAME (named connections: the stream
 * reader, readiness, BullMQ's), MULTI/EXEC (dead-letter move, redrive, consumer cleanup,
 * settleLostEntries, BullMQ). Not SELECT: the mesh lives in database 0, which ioredis never
 * selects, so a user cannot reach keys of the same name in another database; nor ECHO, CLIENT
 * GETNAME or DISCARD, which nothing sends.
 *
 * INFO is flagged @dangerous by Redis and granted on purpose: ioredis' ready check sends it on
 * every new connection (without it, each one, including the one settleLostEntries opens on every
 * sweep, logs a warning and skips waiting for Redis to finish loading), and BullMQ reads the server
 * version and eviction policy from it. It shows server figures (version, memory, client counts,
 * key counts per database), never a key name or a value.
 */
export const connectionCommands = ['ping', 'quit', 'info', 'time', 'client|setname', 'multi', 'exec'] as const;

/**
 * A client of a Redis Cluster (ioredis 6 `Cluster`, node_modules/ioredis/built/cluster): CLUSTER
 * SLOTS maps the slots to their nodes (at connect, after a MOVED and on refresh), CLUSTER INFO is
 * the cluster's ready check (`cluster_state`), READONLY opens every connection it makes to a
 * replica, and ASKING follows a slot that is being moved between masters. Not CLUSTER NODES or
 * SHARDS: ioredis 6 sends neither. Harmless on a single Redis, where CLUSTER only answers that
 * cluster support is off, so every topology gets the same file. A Sentinel client needs nothing
 * more: ioredis asks the sentinels (their own users) for the master and checks the node's role
 * with the INFO of its ready check, never ROLE.
 */
export const clusterClientCommands = ['cluster|slots', 'cluster|info', 'readonly', 'asking'] as const;

/**
 * The outbox relay waits (WAIT) until a replica holds what it published before it marks the rows
 * sent, so that a failover to that replica cannot lose an event the database calls sent.
 */
export const replicaWaitCommands = ['wait'] as const;

/**
 * A consumer's blocking reader (BlockingReader in @mesh/messaging): it learns the id of its own
 * reading connection (CLIENT ID) and ends that connection's blocking XREADGROUP at shutdown (CLIENT
 * UNBLOCK), so that a stop does not wait out the BLOCK time. CLIENT UNBLOCK is @admin; Redis cannot
 * limit it to the caller's own connections (README: residual risk).
 */
export const blockingReaderCommands = ['client|id', 'client|unblock'] as const;

/**
 * The operator's CLI: MULTI/EXEC (a redrive moves each dead letter in one transaction), PING and
 * QUIT to check and end a session. The CLI connects without ioredis' ready check, so no INFO.
 */
export const operatorConnectionCommands = ['ping', 'quit', 'multi', 'exec'] as const;

/** A producer on its own output streams: publish (XADD), trim (XTRIM MINID) and inspect. No group command. */
export const publishCommands = ['xadd', 'xtrim', 'xlen', 'xrange', 'xrevrange', 'xinfo', 'xpending'] as const;

/**
 * A consumer on the streams it declares as inputs and on its own redrive streams, as
 * StreamConsumer sends them: create its group (XGROUP CREATE … MKSTREAM), read (XREADGROUP),
 * acknowledge (XACK), take over the entries of a crashed or slow replica (XCLAIM), look (XPENDING,
 * XINFO, XLEN, XRANGE, XREVRANGE); remove the consumer of a replica that stopped or crashed (XGROUP
 * DELCONSUMER, consumer-cleanup.ts); reset its group's read counter after the producer trimmed
 * entries it had not read (WATCH, then XGROUP SETID: settleLostEntries). Never XAUTOCLAIM nor
 * XGROUP CREATECONSUMER (XREADGROUP and XCLAIM make consumers); XGROUP DESTROY only with
 * groupRemovalCommands. Redis cannot tie these to the domain's own group on a source stream,
 * which other domains' groups share (README: residual risk).
 */
export const consumeCommands = [
  'xreadgroup',
  'xack',
  'xclaim',
  'xpending',
  'xinfo',
  'xlen',
  'xrange',
  'xrevrange',
  'xgroup|create',
  'xgroup|delconsumer',
  'xgroup|setid',
  'watch',
] as const;

/**
 * A domain that reads its inputs with purpose groups of its own and removes them when done
 * (analytics' rebuild destroys its `analytics-rebuild-<job>` group): XGROUP DESTROY on its input
 * streams, which Redis cannot limit to those groups.
 */
export const groupRemovalCommands = ['xgroup|destroy'] as const;

/** A producer's count of what each group lost to its streams' caps (StreamRetention adds, the status reads). */
export const lostCountCommands = ['hincrby', 'hgetall'] as const;

/** A consumer reading what its own group lost to an input's cap (the status endpoint). */
export const lostReadCommands = ['hget'] as const;

/** A consumer on its own dead-letter and redrive streams: move entries in and out, drop them, trim them by age. */
export const ownStreamCommands = ['xadd', 'xdel', 'xtrim', 'del', 'xrange', 'xrevrange', 'xlen', 'xinfo'] as const;

/**
 * A domain's own key prefixes (its BullMQ queues): the data commands BullMQ 6 sends from its
 * classes and from inside its Lua scripts (Redis checks those too), and the scripts themselves.
 */
export const prefixCommands = [
  'evalsha',
  'eval',
  // strings and keys
  'get',
  'set',
  'del',
  'exists',
  'incr',
  'type',
  'rename',
  'pexpire',
  'persist',
  'pttl',
  // hashes
  'hget',
  'hset',
  'hmget',
  'hmset',
  'hgetall',
  'hdel',
  'hexists',
  'hincrby',
  'hlen',
  'hscan',
  // lists
  'lpush',
  'rpush',
  'lpop',
  'rpop',
  'rpoplpush',
  'lrange',
  'llen',
  'lrem',
  'ltrim',
  'lindex',
  'lset',
  'lpos',
  // sets
  'sadd',
  'srem',
  'smembers',
  'scard',
  'sismember',
  'sscan',
  // sorted sets (BZPOPMIN is the worker's blocking wait on its marker key)
  'zadd',
  'zrem',
  'zscore',
  'zcard',
  'zcount',
  'zrange',
  'zrangebyscore',
  'zrevrange',
  'zrevrangebyscore',
  'zremrangebyscore',
  'zremrangebyrank',
  'zpopmin',
  'bzpopmin',
  // the queue's event stream
  'xadd',
  'xtrim',
  'xread',
  'xrange',
  'xrevrange',
  'xlen',
] as const;

/** The mesh operator on every stream: look, never publish or consume. */
export const inspectCommands = ['xinfo', 'xlen', 'xrange', 'xrevrange', 'xpending'] as const;

/** The mesh operator on dead letters: list them and take them out when they are redriven. */
export const deadLetterCommands = ['xrange', 'xrevrange', 'xlen', 'xinfo', 'xdel'] as const;

/** The mesh operator on redrive streams: send dead letters back to their one group. */
export const redriveCommands = ['xadd', 'xrange', 'xrevrange', 'xlen', 'xinfo'] as const;

/**
 * The catalog's live samples: the newest entries of an output stream (XREVRANGE), and XRANGE for
 * paging back. No key-less command at all: the catalog connects without a ready check (no INFO),
 * without a client name and closes without QUIT; AUTH and HELLO need no grant.
 */
export const sampleCommands = ['xrevrange', 'xrange'] as const;

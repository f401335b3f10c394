/**
 * The Redis commands each kind of access needs, read from what @mesh/messaging, ioredis and
 * BullMQ really send (see the ACL section of tools/mesh-cli/README.md). Anything not listed is
 * refused: in particular every @admin and @dangerous command except the two noted below.
 */

/**
 * Key-less commands every client sends on its own connection. Two are flagged @dangerous or
 * @admin by Redis and granted on purpose: INFO (ioredis' ready check and BullMQ's version
 * check read it; it shows server figures, no data) and CLIENT UNBLOCK (a consumer ends its own
 * blocking XREADGROUP with it at shutdown; on another client it can only cut a wait short).
 */
export const connectionCommands = [
  'ping',
  'echo',
  'select',
  'quit',
  'info',
  // The data-product status measures ages on Redis's clock, which stamped the entry ids.
  'time',
  'client|setname',
  'client|getname',
  'client|id',
  'client|unblock',
  'multi',
  'exec',
  'discard',
] as const;

/** A producer on its own output streams: publish (XADD), trim (XTRIM MINID) and inspect. */
export const publishCommands = ['xadd', 'xtrim', 'xlen', 'xrange', 'xrevrange', 'xinfo', 'xpending'] as const;

/**
 * A consumer on the streams it declares as inputs and on its own redrive streams: create its
 * group (MKSTREAM), read, acknowledge, claim, inspect; XGROUP DESTROY removes a purpose group
 * (a rebuild's replay group) when it is done, XGROUP DELCONSUMER the consumer of a replica that
 * stopped or crashed; WATCH and XGROUP SETID reset a group's read counter after the producer
 * trimmed entries it had not read (settleLostEntries).
 */
export const consumeCommands = [
  'xreadgroup',
  'xack',
  'xclaim',
  'xautoclaim',
  'xpending',
  'xinfo',
  'xlen',
  'xrange',
  'xrevrange',
  'xgroup|create',
  'xgroup|createconsumer',
  'xgroup|delconsumer',
  'xgroup|setid',
  'xgroup|destroy',
  'watch',
] as const;

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

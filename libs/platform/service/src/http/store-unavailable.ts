/** Socket errors of a store that went away or cannot be reached. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
]);

/**
 * PostgreSQL SQLSTATEs of a server that is not there for this request: class 08 (connection
 * exception), 57P01-57P03 (shut down, crashed, not accepting connections yet), 57014 (the
 * statement ran past statement_timeout and was cancelled: too busy to answer in time).
 */
const POSTGRES_UNAVAILABLE = /^(08...|57P0[123]|57014)$/;

/** What node-postgres and pg-pool say when the server closes the connection or never answers. */
const POSTGRES_MESSAGES = [
  /^Connection terminated/,
  /timeout exceeded when trying to connect/,
  /Client has encountered a connection error and is not queryable/,
];

/** The MongoDB driver's errors for a server it cannot reach. */
const MONGO_UNAVAILABLE = new Set([
  'MongoNetworkError',
  'MongoNetworkTimeoutError',
  'MongoServerSelectionError',
  'MongoNotConnectedError',
  // No free connection in the pool within waitQueueTimeoutMS.
  'MongoWaitQueueTimeoutError',
]);

/** MaxTimeMSExpired: the server stopped an operation that ran past its maxTimeMS. */
const MONGO_TIME_LIMIT_EXCEEDED = 50;

/**
 * Whether an error (or its cause, or the driver error a TypeORM QueryFailedError wraps) says that
 * a store could not be reached, or not in time: an outage or an overload, not a bug, and the
 * request may succeed when sent again.
 */
export function isStoreUnavailable(error: unknown, depth = 0): boolean {
  if (depth > 5 || typeof error !== 'object' || error === null) return false;
  const { code, name, message, cause, driverError } = error as Record<string, unknown>;
  if (typeof code === 'string' && (NETWORK_CODES.has(code) || POSTGRES_UNAVAILABLE.test(code))) return true;
  if (typeof name === 'string' && MONGO_UNAVAILABLE.has(name)) return true;
  if (code === MONGO_TIME_LIMIT_EXCEEDED && typeof name === 'string' && name.startsWith('Mongo')) return true;
  if (typeof message === 'string' && POSTGRES_MESSAGES.some((pattern) => pattern.test(message))) return true;
  return isStoreUnavailable(driverError, depth + 1) || isStoreUnavailable(cause, depth + 1);
}

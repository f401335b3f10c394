/**
 * Refusals of a domain rule, thrown by domain code that knows nothing of HTTP. The service's one
 * error filter answers each kind with its status (404, 409, 422) and the error's message, so
 * the same rule reads the same whether a controller, a consumer or a job runs it.
 */
export abstract class DomainError extends Error {
  abstract readonly kind: 'not-found' | 'conflict' | 'rule-broken';

  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** What the request names does not exist (404). */
export class NotFoundError extends DomainError {
  readonly kind = 'not-found';
}

/** The current state forbids the change, or kept changing under it (409): the same request may pass later. */
export class ConflictError extends DomainError {
  readonly kind = 'conflict';
}

/** The request breaks a rule about other data, e.g. an order for an unknown customer (422). */
export class RuleViolationError extends DomainError {
  readonly kind = 'rule-broken';
}

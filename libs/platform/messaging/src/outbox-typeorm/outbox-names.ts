/** The outbox table; the entity, the migration and the raw SQL of the relay all use it. */
export const outboxTable = 'mesh_outbox';

/** `NOTIFY` channel on which a committed `outbox.add` wakes the relay. */
export const outboxChannel = 'mesh_outbox';

/**
 * Name of the session advisory lock that makes one relay active. Advisory locks are scoped to
 * one database, and each domain has its own, so one name serves every domain.
 */
export const relayLockName = 'mesh_outbox_relay';

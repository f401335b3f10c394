import type { Connection } from 'mongoose';

import type { ProviderToken, ReadinessCheck } from './readiness-check';

export interface MongooseReadinessOptions {
  readonly name?: string;
  readonly timeoutMs?: number;
  /** Defaults to the connection registered by MongooseModule.forRoot(). */
  readonly connection?: ProviderToken<Connection>;
}

// Mongoose's ConnectionStates, spelled out so the message says more than a number.
const STATES = ['disconnected', 'connected', 'connecting', 'disconnecting'];

/** Ready when MongoDB answers `ping` on the app's Mongoose connection. */
export function mongooseReadiness(options: MongooseReadinessOptions = {}): ReadinessCheck {
  return {
    name: options.name ?? 'mongodb',
    timeoutMs: options.timeoutMs,
    setup: async ({ get }) => {
      // Imported here so services on PostgreSQL never load Mongoose.
      const token = options.connection ?? (await import('@nestjs/mongoose')).getConnectionToken();
      const connection = get(token);
      return {
        check: async () => {
          const state = Number(connection.readyState);
          if (state !== 1 || !connection.db) throw new Error(`not connected (${STATES[state] ?? state})`);
          return connection.db.command({ ping: 1 });
        },
      };
    },
  };
}

import { EventCatalog, type EventContract, type EventEnvelope } from '@mesh/contract-kit';

/** What one handled event type does, given the consumer's target (its service, or a transaction's tables). */
export interface EventRoute<TTarget> {
  readonly contract: EventContract;
  readonly handle: (target: TTarget, event: EventEnvelope) => Promise<void>;
}

/** Builds a route: the handler gets the contract's own data type, so no handler casts. */
export type RouteBuilder<TTarget> = <TData>(
  contract: EventContract<TData>,
  handle: (target: TTarget, data: TData, event: EventEnvelope<TData>) => unknown,
) => EventRoute<TTarget>;

export interface ConsumerSettings {
  /** The consumer group, one per consuming domain and purpose, e.g. `analytics`. */
  readonly group: string;
  /**
   * Every contract of the streams read, from the producers' contracts libraries: events of these
   * types without a route are acknowledged and skipped; any other type is dead-lettered.
   */
  readonly reads: readonly EventContract[];
  /** Where a new group starts: `new` entries only, or the `beginning` of the retained history. */
  readonly startFrom: 'new' | 'beginning';
  /** Handle events of one subject one after another, in stream order. */
  readonly orderBySubject: boolean;
}

/** One stream this consumer reads, as the manifest's input port must declare it. */
export interface DeclaredInput {
  readonly stream: string;
  readonly group: string;
  readonly eventTypes: readonly string[];
}

/** What a transport needs of a consumer: its group and ordering, the streams, the catalog, the routed types. */
export interface ConsumerReads extends ConsumerSettings {
  /** The streams that carry the handled types, in the order the routes name them. */
  readonly streams: readonly string[];
  /** The contracts of `reads`, which validate every entry before it is routed. */
  readonly catalog: EventCatalog;
  readonly inputs: readonly DeclaredInput[];
  handles(type: string): boolean;
}

/**
 * A consumer declared once: group, the contracts it reads, ordering, and one typed handler per
 * event type. The live transport and any replay (a rebuild) dispatch through the same routes,
 * and the manifest's input ports are checked against `inputs`.
 */
export interface ConsumerDeclaration<TTarget> extends ConsumerReads {
  /** Runs the route of `event.type`. @throws Error when the type has no route (a programming error). */
  dispatch(target: TTarget, event: EventEnvelope): Promise<void>;
}

/**
 * Declares a consumer: `defineConsumer<OrderStatistics>({ group, reads, startFrom, orderBySubject },
 * (on) => [on(orderPlaced, (statistics, order, event) => …)])`.
 * @throws Error when a route's contract is not among `reads`, or a type has two routes.
 */
export function defineConsumer<TTarget>(
  settings: ConsumerSettings,
  routes: (on: RouteBuilder<TTarget>) => EventRoute<TTarget>[],
): ConsumerDeclaration<TTarget> {
  const catalog = new EventCatalog(settings.reads);
  const byType = new Map<string, EventRoute<TTarget>>();
  for (const route of routes(routeBuilder<TTarget>())) {
    const { type, dataschema } = route.contract;
    if (catalog.get(type)?.dataschema !== dataschema) {
      throw new Error(
        `consumer ${settings.group}: ${type} (${dataschema}) has a route but is not among the contracts it reads`,
      );
    }
    if (byType.has(type)) throw new Error(`consumer ${settings.group}: ${type} has two routes`);
    byType.set(type, route);
  }
  const inputs = declaredInputs(
    settings.group,
    [...byType.values()].map((route) => route.contract),
  );
  return {
    ...settings,
    streams: inputs.map((input) => input.stream),
    catalog,
    inputs,
    handles: (type) => byType.has(type),
    dispatch: async (target, event) => {
      const route = byType.get(event.type);
      if (!route) throw new Error(`consumer ${settings.group} has no route for ${event.type}`);
      await route.handle(target, event);
    },
  };
}

function routeBuilder<TTarget>(): RouteBuilder<TTarget> {
  return <TData>(
    contract: EventContract<TData>,
    handle: (target: TTarget, data: TData, event: EventEnvelope<TData>) => unknown,
  ): EventRoute<TTarget> => ({
    contract,
    // The catalog validated the data against this very contract before dispatch: the one place
    // where an envelope's data is narrowed to its contract's type.
    handle: async (target, event) => {
      await handle(target, event.data as TData, event as EventEnvelope<TData>);
    },
  });
}

function declaredInputs(group: string, handled: readonly EventContract[]): DeclaredInput[] {
  const typesByStream = new Map<string, string[]>();
  for (const contract of handled) {
    typesByStream.set(contract.stream, [...(typesByStream.get(contract.stream) ?? []), contract.type]);
  }
  return [...typesByStream].map(([stream, eventTypes]) => ({ stream, group, eventTypes }));
}

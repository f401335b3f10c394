// Public contracts of the analytics domain: what other domains may depend on.
export { salesDayClosed, type SalesDayClosed } from './events/sales-day-closed.event';

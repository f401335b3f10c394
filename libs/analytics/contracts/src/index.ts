// Public contracts of the analytics domain: what other domains may depend on.
export type { CustomerValueResponse } from './api/customer-value.response';
export type { JobState, JobStatusResponse, RebuildAcceptedResponse } from './api/jobs.response';
export type { DailySales, DailySalesResponse } from './api/sales.response';
export type { TopProduct, TopProductsResponse } from './api/top-products.response';
export { type SalesDayClosed,salesDayClosed } from './events/sales-day-closed.event';
export { analyticsProduct } from './product/analytics.product';

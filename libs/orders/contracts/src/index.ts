// Public contracts of the orders domain: what other domains may depend on.
export {
  ORDER_STATUSES,
  orderLineResponse,
  type OrderPage,
  orderPage,
  type OrderResponse,
  orderResponse,
  type OrderStatus,
  orderStatus,
} from './api/order.response';
export {
  type CancelOrderRequest,
  cancelOrderRequest,
  DEFAULT_PAGE_SIZE,
  type ListOrdersQuery,
  listOrdersQuery,
  MAX_PAGE_OFFSET,
  MAX_PAGE_SIZE,
} from './api/order-requests';
export { type PlaceOrderRequest,placeOrderRequest } from './api/place-order.request';
export { type OrderCancelled,orderCancelled } from './events/order-cancelled.event';
export { ORDER_STREAM, orderEvents } from './events/order-events';
export { type OrderPlaced,orderPlaced } from './events/order-placed.event';
export { type OrderShipped,orderShipped } from './events/order-shipped.event';
export { currencyCode, MAX_ORDER_LINES, minorUnits, orderLine } from './events/order-values';
export { ordersProduct } from './product/orders.product';

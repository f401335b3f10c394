// Public contracts of the orders domain: what other domains may depend on.
export { currencyCode, MAX_ORDER_LINES, minorUnits, orderLine } from './events/order-values';
export { orderPlaced, type OrderPlaced } from './events/order-placed.event';
export { orderCancelled, type OrderCancelled } from './events/order-cancelled.event';
export { orderShipped, type OrderShipped } from './events/order-shipped.event';
export { ORDER_STREAM, orderEvents } from './events/order-events';
export { placeOrderRequest, type PlaceOrderRequest } from './api/place-order.request';
export {
  cancelOrderRequest,
  type CancelOrderRequest,
  DEFAULT_PAGE_SIZE,
  listOrdersQuery,
  type ListOrdersQuery,
  MAX_PAGE_SIZE,
} from './api/order-requests';
export {
  ORDER_STATUSES,
  orderLineResponse,
  orderPage,
  type OrderPage,
  orderResponse,
  type OrderResponse,
  orderStatus,
  type OrderStatus,
} from './api/order.response';
export { ordersProduct } from './product/orders.product';

// The scenario kit: what the mesh e2e, the swarm e2e, the soak and the bench share. The bench
// reaches it through @mesh/mesh-e2e, which re-exports it; the suites import its files directly.
export {
  ALL_SCOPES,
  bearer,
  DOMAIN_AUDIENCES,
  newTokenIssuer,
  type RunToken,
  serveKeySet,
  signAccessToken,
  type TestIssuer,
} from './access-tokens';
export { type DomainApis, domainApis, type DomainName, DOMAINS } from './api/domain-apis';
export {
  type ApiAnswer,
  type ApiOutcome,
  type ApiRequest,
  type BaseUrl,
  describeOutcome,
  isInconclusive,
  isSuccess,
  MeshApi,
  type MeshApiOptions,
  NoAnswerError,
} from './api/mesh-api';
export { StatusTally } from './api/status-tally';
export { eventually, type Waited } from './eventually';
export { type FiguresInCurrency, figuresInCurrency } from './expected-figures';
export { assertPortsFree, freePort, freePorts } from './free-port';
export { Ledger, utcDay } from './ledger';
export { OtlpReceiver, type OtlpReceiverOptions } from './otlp/otlp-receiver';
export { type ReceivedSpan, SPAN_KIND } from './otlp/received-span';
export { Problems } from './problems';
export { groupsOf, withRedis } from './stream-groups';
export { DIRECT, type RetryPolicy, THROUGH_GATEWAY } from './traffic/conclusive-requests';
export { newCustomer, registerCustomers } from './traffic/customer-registration';
export { MIXED_ORDERS, type OrderBody, type OrderMix, randomOrders, seededRandom } from './traffic/order-mix';
export { OrderTraffic, type OrderTrafficCounts, type OrderTrafficOptions } from './traffic/order-traffic';

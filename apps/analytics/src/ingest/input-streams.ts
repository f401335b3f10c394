import type { EventContract } from '@mesh/contract-kit';
import { CUSTOMER_STREAM, customerEvents } from '@mesh/customers-contracts';
import { ORDER_STREAM, orderEvents } from '@mesh/orders-contracts';

/** The streams analytics is built from, and every contract they carry. */
export const INPUT_STREAMS: readonly string[] = [ORDER_STREAM, CUSTOMER_STREAM];
export const INPUT_CONTRACTS: EventContract[] = [...orderEvents, ...customerEvents];

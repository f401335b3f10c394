import type { Ledger } from './ledger';
import type { MeshApi } from './mesh-api';

/**
 * Registers `count` customers through the gateway. Nothing is killed while this runs, so any
 * answer but 201 is an error.
 */
export async function registerCustomers(
  customers: MeshApi,
  ledger: Ledger,
  count: number,
  runId: string,
): Promise<void> {
  for (let index = 0; index < count; index += 1) {
    const customer = await customers.expectOk<{ id: string }>({
      method: 'POST',
      path: '/customers',
      body: {
        name: `Swarm Tester ${index}`,
        email: `swarm-${runId}-${index}@example.com`,
        country: index % 2 === 0 ? 'DE' : 'FR',
        marketingConsent: index % 3 === 0,
      },
    });
    ledger.addCustomer(customer.id);
  }
}

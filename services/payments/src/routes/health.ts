/**
 * Readiness for the kit's `/health` and `/ready` (public): ready when the ledger answers. Stripe's
 * reachability is reported per request (502), not here.
 */
import type { HealthRoutesOptions } from '@switchboard/service-kit';

import type { ServiceState } from '../state';

/**
 * @param state The service's state.
 */
export function healthOptions( state: ServiceState ): HealthRoutesOptions {
	return {
		readiness: () => {
			try {
				state.db.prepare( 'SELECT 1' ).get();
			} catch {
				return { ready: false, message: 'The ledger cannot be read.' };
			}
			return { ready: true };
		},
	};
}

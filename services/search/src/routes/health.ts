/**
 * Readiness for the kit's `/health` and `/ready` (public): ready once the index is loaded, with its size.
 */
import { Type } from '@sinclair/typebox';
import type { HealthRoutesOptions } from '@switchboard/service-kit';

import type { ServiceState } from '../state';

/**
 * @param state The service's state.
 */
export function healthOptions( state: ServiceState ): HealthRoutesOptions {
	return {
		readiness: () =>
			state.store === null
				? { ready: false, message: 'The index is loading.' }
				: { ready: true, body: { documents: state.store.size } },
		readyProperties: { documents: Type.Integer() },
	};
}

/**
 * Readiness for the kit's `/health` and `/ready` (public): ready once the catalogue is loaded, with its size.
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
			state.engine === null
				? { ready: false, message: 'The catalogue is loading.' }
				: { ready: true, body: { posts: state.engine.size } },
		readyProperties: { posts: Type.Integer() },
	};
}

/**
 * The index's side of `POST /events` (the route itself is the kit's): events are taken once the index is
 * loaded, planned by events.ts, and applied through the store (logged, once per event id).
 */
import type { ContentEventHandlers } from '@switchboard/service-kit/content';

import { planEvent, type EventPlan } from '../events';
import { readyStore, type ServiceState } from '../state';

type Plan = Extract< EventPlan, { kind: 'apply' } >[ 'plan' ];

/**
 * @param state The service's state.
 */
export function eventHandlers(
	state: ServiceState
): ContentEventHandlers< Plan > {
	return {
		ready: () => void readyStore( state ),
		plan: planEvent,
		apply: ( id, plan ) => readyStore( state ).apply( id, plan ),
	};
}

/**
 * The catalogue's side of `POST /events` (the route itself is the kit's): events are taken once the
 * catalogue is loaded, planned by content-events.ts, and applied by the engine in one transaction with the
 * event id, so a redelivery changes nothing.
 */
import type { ContentEventHandlers } from '@switchboard/service-kit/content';

import { planEvent, type EventPlan } from '../content-events';
import { readyEngine, type ServiceState } from '../state';

type Plan = Extract< EventPlan, { kind: 'apply' } >[ 'plan' ];

/**
 * @param state The service's state.
 */
export function eventHandlers(
	state: ServiceState
): ContentEventHandlers< Plan > {
	return {
		ready: () => void readyEngine( state ),
		plan: planEvent,
		apply: ( id, plan ) => readyEngine( state ).applyEvent( id, plan ),
	};
}

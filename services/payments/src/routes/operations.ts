/**
 * Operations for WordPress's admin: run a reconciler pass now, and see how many callbacks wait.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';

import { pendingCallbacks } from '../outbox';
import { ErrorResponse, PendingResponse, ReconcileResponse } from '../schemas';
import type { ServiceState } from '../state';

export const operationRoutes: FastifyPluginAsyncTypebox< {
	state: ServiceState;
} > = async ( app, { state } ) => {
	app.post(
		'/v1/reconcile',
		{
			schema: {
				response: {
					200: ReconcileResponse,
					'4xx': ErrorResponse,
					'5xx': ErrorResponse,
				},
			},
		},
		async () => state.reconciler.pass()
	);

	app.get(
		'/v1/callbacks/pending',
		{
			schema: {
				response: { 200: PendingResponse, '4xx': ErrorResponse },
			},
		},
		async () => pendingCallbacks( state.db )
	);
};

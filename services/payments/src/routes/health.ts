/**
 * Liveness and readiness, without a token.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';

import { ErrorResponse, HealthResponse } from '../schemas';
import type { ServiceState } from '../state';

export const healthRoutes: FastifyPluginAsyncTypebox< {
	state: ServiceState;
} > = async ( app, { state } ) => {
	app.get(
		'/health',
		{ schema: { response: { 200: HealthResponse } } },
		async () => ( { status: 'ok' } )
	);

	app.get(
		'/ready',
		{ schema: { response: { 200: HealthResponse, 503: ErrorResponse } } },
		async ( _request, reply ) => {
			// Ready when the ledger answers; Stripe's reachability is reported per request (502), not here.
			try {
				state.db.prepare( 'SELECT 1' ).get();
			} catch {
				return reply.code( 503 ).send( {
					code: 'not_ready',
					message: 'The ledger cannot be read.',
				} );
			}
			return { status: 'ready' };
		}
	);
};

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
			if ( state.store === null ) {
				return reply.code( 503 ).send( {
					code: 'not_ready',
					message: 'The index is loading.',
				} );
			}
			return { status: 'ready', documents: state.store.size };
		}
	);
};

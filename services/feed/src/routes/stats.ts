/**
 * `GET /v1/stats`: what the admin's health screen shows (catalogue and profile sizes, each mode's
 * impressions, clicks and click-through rate, and the lift of personalization over the holdout).
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';

import { ErrorResponse, StatsResponse } from '../schemas';
import { readyEngine, type ServiceState } from '../state';

export const statsRoutes: FastifyPluginAsyncTypebox< {
	state: ServiceState;
} > = async ( app, { state } ) => {
	app.get(
		'/v1/stats',
		{
			schema: {
				response: {
					200: StatsResponse,
					'4xx': ErrorResponse,
					'5xx': ErrorResponse,
				},
			},
		},
		async () => readyEngine( state ).stats()
	);
};

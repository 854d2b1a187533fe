/**
 * `GET /v1/config`: what the browser needs to load Stripe.js and mount the Payment Element (the
 * publishable key is public by design; the secret key never leaves this service).
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';

import { ConfigResponse, ErrorResponse } from '../schemas';
import type { ServiceState } from '../state';
import { STRIPE_API_VERSION } from '../stripe-client';

export const configRoutes: FastifyPluginAsyncTypebox< {
	state: ServiceState;
} > = async ( app, { state } ) => {
	app.get(
		'/v1/config',
		{ schema: { response: { 200: ConfigResponse, '4xx': ErrorResponse } } },
		async () => ( {
			mode: state.stripeConfig.mode,
			publishableKey: state.stripeConfig.publishableKey,
			stripeJsUrl: state.stripeConfig.jsUrl,
			apiVersion: STRIPE_API_VERSION,
		} )
	);
};

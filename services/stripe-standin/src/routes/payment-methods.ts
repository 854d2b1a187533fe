/**
 * /v1/payment_methods: create (publishable or secret key, as Stripe.js does) and retrieve (secret key).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';

import { requireSecret } from '../auth';
import { idempotent } from '../idempotency';
import type { Params } from '../params';
import { createPaymentMethod } from '../payment-methods';
import type { Standin } from '../standin';
import { noSuch } from '../stripe-error';

/**
 * @param app             The server.
 * @param options         Route options.
 * @param options.standin The shared state.
 */
export async function paymentMethodRoutes(
	app: FastifyInstance,
	{ standin }: { standin: Standin }
): Promise< void > {
	app.post(
		'/v1/payment_methods',
		idempotent( standin, ( params: Params ) =>
			createPaymentMethod( standin, params, [ 'expand' ] )
		)
	);

	app.get(
		'/v1/payment_methods/:method',
		async ( request: FastifyRequest< { Params: { method: string } } > ) => {
			requireSecret( request );
			const method = standin.data.paymentMethods[ request.params.method ];
			if ( method === undefined ) {
				throw noSuch( 'PaymentMethod', request.params.method );
			}
			return method;
		}
	);
}

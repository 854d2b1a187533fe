/**
 * /v1/charges: retrieve and list (charges are made by confirming PaymentIntents).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';

import { requireSecret } from '../auth';
import { expand } from '../expand';
import { LIST_PARAMS, paginate } from '../lists';
import { refuseUnknown, text, type Params } from '../params';
import type { Standin } from '../standin';
import { noSuch } from '../stripe-error';

/**
 * @param app             The server.
 * @param options         Route options.
 * @param options.standin The shared state.
 */
export async function chargeRoutes(
	app: FastifyInstance,
	{ standin }: { standin: Standin }
): Promise< void > {
	app.get(
		'/v1/charges/:charge',
		async ( request: FastifyRequest< { Params: { charge: string } } > ) => {
			requireSecret( request );
			const charge = standin.data.charges[ request.params.charge ];
			if ( charge === undefined ) {
				throw noSuch( 'charge', request.params.charge );
			}
			return expand( standin, charge, request.query as Params );
		}
	);

	app.get( '/v1/charges', async ( request ) => {
		requireSecret( request );
		const params = request.query as Params;
		refuseUnknown( params, [ 'payment_intent', ...LIST_PARAMS, 'expand' ] );
		const intent = text( params, 'payment_intent' );
		return expand(
			standin,
			paginate(
				Object.values( standin.data.charges ).filter(
					( charge ) =>
						intent === undefined || charge.payment_intent === intent
				),
				params,
				'/v1/charges',
				'charge'
			),
			params
		);
	} );
}

/**
 * /v1/refunds: create (with idempotency), retrieve, list by payment_intent or charge.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';

import { requireSecret } from '../auth';
import { expand } from '../expand';
import { idempotent } from '../idempotency';
import { LIST_PARAMS, paginate } from '../lists';
import { refuseUnknown, text, type Params } from '../params';
import { createRefund, findRefund } from '../refunds';
import type { Standin } from '../standin';

/**
 * @param app             The server.
 * @param options         Route options.
 * @param options.standin The shared state.
 */
export async function refundRoutes(
	app: FastifyInstance,
	{ standin }: { standin: Standin }
): Promise< void > {
	app.post(
		'/v1/refunds',
		idempotent( standin, ( params, info, request ) => {
			requireSecret( request );
			return expand(
				standin,
				createRefund( standin, params, info ),
				params
			);
		} )
	);

	app.get(
		'/v1/refunds/:refund',
		async ( request: FastifyRequest< { Params: { refund: string } } > ) => {
			requireSecret( request );
			return expand(
				standin,
				findRefund( standin, request.params.refund ),
				request.query as Params
			);
		}
	);

	app.get( '/v1/refunds', async ( request ) => {
		requireSecret( request );
		const params = request.query as Params;
		refuseUnknown( params, [
			'payment_intent',
			'charge',
			...LIST_PARAMS,
			'expand',
		] );
		const intent = text( params, 'payment_intent' );
		const charge = text( params, 'charge' );
		return expand(
			standin,
			paginate(
				Object.values( standin.data.refunds ).filter(
					( refund ) =>
						( intent === undefined ||
							refund.payment_intent === intent ) &&
						( charge === undefined || refund.charge === charge )
				),
				params,
				'/v1/refunds',
				'refund'
			),
			params
		);
	} );
}

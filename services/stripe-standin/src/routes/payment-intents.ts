/**
 * /v1/payment_intents: create, retrieve, update, confirm, cancel, list. A publishable key may only
 * retrieve and confirm, and only with the intent's client secret (what Stripe.js does).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';

import { requireSecret } from '../auth';
import { checkClientSecret } from '../client-secret';
import { expand } from '../expand';
import { idempotent } from '../idempotency';
import { paginate } from '../lists';
import { text, type Params } from '../params';
import {
	cancelIntent,
	confirmIntent,
	createIntent,
	findIntent,
	updateIntent,
} from '../payment-intents';
import type { Standin } from '../standin';
import type { PaymentIntent } from '../store';
import { publishableKeyRefused } from '../stripe-error';

/**
 * Lets a publishable key through only with the intent's own client secret.
 *
 * @param request The request.
 * @param intent  The intent.
 * @param params  Query or body, holding `client_secret`.
 */
export function requireClientSecret(
	request: FastifyRequest,
	intent: PaymentIntent,
	params: Params
): void {
	if ( request.keyKind === 'secret' ) {
		return;
	}
	const given = text( params, 'client_secret' );
	if ( given === undefined ) {
		throw publishableKeyRefused();
	}
	checkClientSecret( intent, given );
}

type IntentRequest = FastifyRequest< { Params: { intent: string } } >;

/**
 * @param app             The server.
 * @param options         The shared state.
 * @param options.standin The shared state.
 */
export async function paymentIntentRoutes(
	app: FastifyInstance,
	{ standin }: { standin: Standin }
): Promise< void > {
	app.post(
		'/v1/payment_intents',
		idempotent( standin, ( params, info, request ) => {
			requireSecret( request );
			return expand(
				standin,
				createIntent( standin, params, info ),
				params
			);
		} )
	);

	app.get( '/v1/payment_intents', async ( request ) => {
		requireSecret( request );
		const params = request.query as Params;
		return expand(
			standin,
			paginate(
				Object.values( standin.data.paymentIntents ),
				params,
				'/v1/payment_intents',
				'payment_intent'
			),
			params
		);
	} );

	app.get(
		'/v1/payment_intents/:intent',
		async ( request: IntentRequest ) => {
			const params = request.query as Params;
			const intent = findIntent( standin, request.params.intent );
			requireClientSecret( request, intent, params );
			return expand( standin, intent, params );
		}
	);

	app.post(
		'/v1/payment_intents/:intent',
		idempotent( standin, ( params, _info, request ) => {
			requireSecret( request );
			const id = ( request as IntentRequest ).params.intent;
			return expand(
				standin,
				updateIntent( standin, findIntent( standin, id ), params ),
				params
			);
		} )
	);

	app.post(
		'/v1/payment_intents/:intent/confirm',
		idempotent( standin, ( params, info, request ) => {
			const intent = findIntent(
				standin,
				( request as IntentRequest ).params.intent
			);
			requireClientSecret( request, intent, params );
			return expand(
				standin,
				confirmIntent( standin, intent, params, info ),
				params
			);
		} )
	);

	app.post(
		'/v1/payment_intents/:intent/cancel',
		idempotent( standin, ( params, info, request ) => {
			requireSecret( request );
			const intent = findIntent(
				standin,
				( request as IntentRequest ).params.intent
			);
			return expand(
				standin,
				cancelIntent( standin, intent, params, info ),
				params
			);
		} )
	);
}

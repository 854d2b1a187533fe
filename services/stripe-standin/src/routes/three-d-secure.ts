/**
 * POST /_standin/3ds/:payment_intent: the 3-D Secure challenge page's answer (`outcome` complete or fail,
 * and the intent's `client_secret`, which is the credential: no API key, as the page has none).
 *
 * Answers JSON `{ payment_intent, status, return_url, redirect_url }` (redirect_url: the return_url with Stripe's
 * `payment_intent`, `payment_intent_client_secret` and `redirect_status` parameters, or null), or a
 * 303 to redirect_url when a plain HTML form posted it.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';

import { checkClientSecret } from '../client-secret';
import { choice, text, type Params } from '../params';
import { finishAuthentication, findIntent } from '../payment-intents';
import type { Standin } from '../standin';

/**
 * The return URL with the parameters Stripe adds when it sends the visitor back.
 *
 * @param returnUrl    The intent's return_url.
 * @param intentId     The intent.
 * @param clientSecret Its client secret.
 * @param succeeded    How the challenge ended.
 */
export function redirectUrl(
	returnUrl: string,
	intentId: string,
	clientSecret: string,
	succeeded: boolean
): string {
	const url = new URL( returnUrl );
	url.searchParams.set( 'payment_intent', intentId );
	url.searchParams.set( 'payment_intent_client_secret', clientSecret );
	url.searchParams.set(
		'redirect_status',
		succeeded ? 'succeeded' : 'failed'
	);
	return url.href;
}

/**
 * @param app             The server.
 * @param options         Route options.
 * @param options.standin The shared state.
 */
export async function threeDSecureRoutes(
	app: FastifyInstance,
	{ standin }: { standin: Standin }
): Promise< void > {
	app.post(
		'/_standin/3ds/:intent',
		async (
			request: FastifyRequest< { Params: { intent: string } } >,
			reply
		) => {
			const params = ( request.body ?? {} ) as Params;
			const intent = findIntent( standin, request.params.intent );
			checkClientSecret(
				intent,
				text( params, 'client_secret', true ) ?? ''
			);
			text( params, 'outcome', true );
			const outcome =
				choice( params, 'outcome', [ 'complete', 'fail' ] ) ?? 'fail';
			const next = intent.next_action?.redirect_to_url as
				{ return_url: string | null } | undefined;
			const returnUrl = next?.return_url ?? null;
			finishAuthentication( standin, intent, outcome );
			const target =
				returnUrl === null
					? null
					: redirectUrl(
							returnUrl,
							intent.id,
							intent.client_secret,
							intent.status === 'succeeded'
						);
			const fromForm = String(
				request.headers[ 'content-type' ] ?? ''
			).startsWith( 'application/x-www-form-urlencoded' );
			const wantsHtml = String( request.headers.accept ?? '' ).includes(
				'text/html'
			);
			if ( target !== null && fromForm && wantsHtml ) {
				return reply.redirect( target, 303 );
			}
			return {
				payment_intent: intent.id,
				status: intent.status,
				return_url: returnUrl,
				redirect_url: target,
			};
		}
	);
}

/**
 * The browser side of the stand-in, as a Fastify plugin the server registers with its public base URL:
 * the stand-in Stripe.js (at the paths js.stripe.com uses), the Payment Element frame, and the 3-D Secure
 * challenge page with their scripts. The scripts are built once, when the plugin is registered.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';

import { directionOf } from './frame/appearance';
import { buildBrowserBundles } from './bundle';
import { challengePage, paymentFramePage } from './pages';

export interface BrowserRoutesOptions {
	/** The stand-in's public base URL (what browsers use to reach it). */
	apiBase: string;
}

const FRAME_JS = '/_standin/assets/payment-frame.js';
const CHALLENGE_JS = '/_standin/assets/3ds.js';

/** Stripe.js is cached briefly by browsers, like js.stripe.com's own short max-age. */
const SCRIPT_CACHE = 'public, max-age=60';

/** A locale tag as Stripe accepts it ("auto", "fr", "pt-BR"). */
const LOCALE = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})?$/;
const INTENT_ID = /^pi_[A-Za-z0-9]{1,64}$/;

/**
 * @param app     The Fastify instance (the plugin's encapsulated context).
 * @param options The stand-in's public base URL.
 */
export async function browserRoutes(
	app: FastifyInstance,
	options: BrowserRoutesOptions
): Promise< void > {
	const apiBase = options.apiBase.replace( /\/+$/, '' );
	const bundles = await buildBrowserBundles( apiBase );

	const sendScript = ( reply: FastifyReply, source: string ) =>
		reply
			.header( 'content-type', 'text/javascript; charset=utf-8' )
			.header( 'cache-control', SCRIPT_CACHE )
			// Stripe.js is loaded cross-origin (and with crossorigin attributes by some integrations).
			.header( 'access-control-allow-origin', '*' )
			.header( 'x-content-type-options', 'nosniff' )
			.send( source );

	for ( const path of [ '/endive/stripe.js', '/v3', '/v3/' ] ) {
		app.get( path, async ( _request, reply ) =>
			sendScript( reply, bundles.stripeJs )
		);
	}
	app.get( FRAME_JS, async ( _request, reply ) =>
		sendScript( reply, bundles.paymentFrameJs )
	);
	app.get( CHALLENGE_JS, async ( _request, reply ) =>
		sendScript( reply, bundles.challengeJs )
	);

	app.get< { Querystring: { locale?: string } } >(
		'/_standin/elements/payment',
		async ( request, reply ) => {
			const requested = request.query.locale ?? 'auto';
			const locale =
				requested !== 'auto' && LOCALE.test( requested )
					? requested
					: 'en';
			return reply
				.header( 'content-type', 'text/html; charset=utf-8' )
				.header( 'cache-control', 'no-store' )
				.header(
					'content-security-policy',
					"default-src 'none'; script-src 'self'; style-src 'unsafe-inline'; connect-src 'self'; frame-ancestors *"
				)
				.header( 'referrer-policy', 'no-referrer' )
				.send(
					paymentFramePage( {
						lang: locale,
						dir: directionOf( locale ),
						frameJs: FRAME_JS,
					} )
				);
		}
	);

	app.get< {
		Params: { intent: string };
		Querystring: { client_secret?: string };
	} >( '/_standin/3ds/:intent', async ( request, reply ) => {
		const intentId = request.params.intent;
		const clientSecret = request.query.client_secret ?? '';
		if (
			! INTENT_ID.test( intentId ) ||
			! clientSecret.startsWith( `${ intentId }_secret_` )
		) {
			return reply
				.code( 404 )
				.header( 'cache-control', 'no-store' )
				.send( {
					error: {
						type: 'invalid_request_error',
						code: 'resource_missing',
						message:
							'No 3D Secure challenge is waiting at this address.',
					},
				} );
		}
		return reply
			.header( 'content-type', 'text/html; charset=utf-8' )
			.header( 'cache-control', 'no-store' )
			.header(
				'content-security-policy',
				"default-src 'none'; script-src 'self'; style-src 'unsafe-inline'; connect-src 'self'; frame-ancestors *"
			)
			.header( 'referrer-policy', 'no-referrer' )
			.send(
				challengePage( {
					intentId,
					clientSecret,
					challengeJs: CHALLENGE_JS,
				} )
			);
	} );
}

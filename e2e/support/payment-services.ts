/**
 * The real payment service for the journeys, with the offline Stripe stand-in it talks to (Stripe itself is
 * unreachable from these machines; the stand-in speaks Stripe's protocol, see services/stripe-standin). Fresh
 * ledgers and new secrets each run. WordPress inherits SWITCHBOARD_PAYMENTS_WEBHOOK_SECRET from this process's
 * environment (bin/wp-server's php -S passes it on), so the service's signed callbacks verify; Stripe's keys
 * go to the payment service only.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import type { RequestUtils } from '@wordpress/e2e-test-utils-playwright';
import { e2eCacheDir, ServiceProcess } from './service-process';

export const payments = new ServiceProcess( 'payments' );
export const standin = new ServiceProcess( 'stripe-standin', '/health' );

/** The stand-in's documented test keys (services/stripe-standin/README.md). */
export const STANDIN_SECRET_KEY = 'sk_test_standin_4eC39HqLyjWDarjtT1zdp7dc';

/**
 * Configures both services on their ports with fresh data and secrets.
 * @param wordpressUrl The site's home URL (the tokens' issuer and the callbacks' target).
 * @return The payment service's URL, for WordPress.
 */
export async function configurePaymentServices(
	wordpressUrl: string
): Promise< { url: string } > {
	const paymentsPort = Number(
		process.env.SWITCHBOARD_E2E_PAYMENTS_PORT ?? '4891'
	);
	const standinPort = Number(
		process.env.SWITCHBOARD_E2E_STANDIN_PORT ?? '4892'
	);
	const paymentsData = path.join( e2eCacheDir, 'payments-data' );
	const standinData = path.join( e2eCacheDir, 'stripe-standin-data' );
	for ( const dir of [ paymentsData, standinData ] ) {
		await rm( dir, { recursive: true, force: true } );
		await mkdir( dir, { recursive: true } );
	}
	const callbackSecret = randomBytes( 32 ).toString( 'hex' );
	const stripeWebhookSecret = `whsec_${ randomBytes( 24 ).toString(
		'hex'
	) }`;
	const standinUrl = `http://127.0.0.1:${ standinPort }`;
	const state = await payments.configure( paymentsPort, {
		SWITCHBOARD_WORDPRESS_URL: wordpressUrl.replace( /\/+$/, '' ),
		SWITCHBOARD_PAYMENTS_WEBHOOK_SECRET: callbackSecret,
		STRIPE_SECRET_KEY: STANDIN_SECRET_KEY,
		STRIPE_PUBLISHABLE_KEY: 'pk_test_standin_TYooMQauvdEDq54NiTphI7jx',
		STRIPE_WEBHOOK_SECRET: stripeWebhookSecret,
		STRIPE_API_BASE: standinUrl,
		STRIPE_JS_URL: `${ standinUrl }/endive/stripe.js`,
		DATA_DIR: paymentsData,
		// A lost webhook is settled within seconds in the journeys, not minutes.
		RECONCILE_INTERVAL_MS: '2000',
		RECONCILE_AFTER_MS: '3000',
		CALLBACK_RETRY_BASE_MS: '200',
		CALLBACK_RETRY_CAP_MS: '2000',
		LOG_LEVEL: 'warn',
	} );
	await standin.configure( standinPort, {
		STANDIN_PUBLIC_URL: standinUrl,
		STANDIN_DATA_DIR: standinData,
		STANDIN_WEBHOOK_URL: `${ state.url }/v1/stripe/webhook`,
		STANDIN_WEBHOOK_SECRET: stripeWebhookSecret,
		LOG_LEVEL: 'warn',
	} );
	process.env.SWITCHBOARD_PAYMENTS_WEBHOOK_SECRET = callbackSecret;
	return { url: state.url };
}

/** Starts the stand-in, then the payment service. */
export async function startPaymentServices(): Promise< void > {
	await standin.start();
	await payments.start();
}

/** Stops both. */
export async function stopPaymentServices(): Promise< void > {
	await payments.stop();
	await standin.stop();
}

/**
 * Calls one of the stand-in's test controls (`/_standin/...`), with its secret key.
 * @param controlPath Path below the stand-in, e.g. `/_standin/webhooks/drop`.
 * @param body        JSON body.
 */
export async function standinControl(
	controlPath: string,
	body: Record< string, unknown > = {}
): Promise< unknown > {
	const { url } = await standin.state();
	const response = await fetch( url + controlPath, {
		method: 'POST',
		headers: {
			Authorization: `Bearer ${ STANDIN_SECRET_KEY }`,
			'Content-Type': 'application/json',
		},
		body: JSON.stringify( body ),
	} );
	if ( ! response.ok ) {
		throw new Error(
			`${ controlPath } answered ${ response.status }: ${ await response.text() }`
		);
	}
	return response.json();
}

/**
 * Points the site's payment service setting at the journeys' service (the settings journeys clear it).
 * @param requestUtils Logged-in REST helper.
 */
export async function pointSiteAtPaymentService(
	requestUtils: RequestUtils
): Promise< void > {
	await requestUtils.rest( {
		method: 'POST',
		path: '/switchboard/v1/admin/settings',
		data: { urls: { payments: ( await payments.state() ).url } },
	} );
}

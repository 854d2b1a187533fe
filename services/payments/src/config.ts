/**
 * Configuration from the environment. The Stripe keys and both webhook secrets live only here: an error
 * names the variable and never echoes a value.
 */
import { fileURLToPath } from 'node:url';

export type StripeMode = 'test' | 'live';

export interface StripeConfig {
	secretKey: string;
	publishableKey: string;
	mode: StripeMode;
	/** Every accepted webhook signing secret (several while one is being rotated). */
	webhookSecrets: string[];
	/** Host, port and protocol override (the offline stand-in); null: Stripe itself. */
	apiBase: URL | null;
	/** Where the browser loads Stripe.js from when it is not js.stripe.com (the stand-in); null otherwise. */
	jsUrl: string | null;
}

export interface Timings {
	/** Time between two reconciler passes. */
	reconcileIntervalMs: number;
	/** Age after which a non-final payment is re-read from Stripe by the reconciler. */
	reconcileAfterMs: number;
	/** Age after which an unpaid payment's intent is canceled as abandoned. */
	abandonAfterMs: number;
	/** First delay before a failed callback is retried; doubles on each failure. */
	callbackRetryBaseMs: number;
	/** Longest delay between two callback attempts. */
	callbackRetryCapMs: number;
	/** Timeout of one callback request. */
	callbackTimeoutMs: number;
}

export interface Config {
	port: number;
	host: string;
	/** The WordPress home URL: the tokens' issuer. */
	wordpressUrl: string;
	/** Where WordPress publishes its service keys. */
	jwksUrl: string;
	/** A `Cookie` header for requests to WordPress (`SWITCHBOARD_WP_COOKIE`; development only), or null. */
	wordpressCookie: string | null;
	/** This service's id: the tokens' audience. */
	audience: string;
	/** Folder of the ledger's SQLite file. */
	dataDir: string;
	stripe: StripeConfig;
	/** Where final states are announced (WordPress's inbound webhook for `payments`). */
	callbackUrl: string;
	/** HMAC secret of the callbacks, shared with WordPress. */
	callbackSecret: string;
	timings: Timings;
	logLevel: string;
}

export class ConfigError extends Error {
	override readonly name = 'ConfigError';
}

const LOG_LEVELS = [
	'fatal',
	'error',
	'warn',
	'info',
	'debug',
	'trace',
	'silent',
];

/** `sk_test_…`, `sk_live_…` and restricted keys `rk_…`; Stripe's keys are long alphanumeric strings. */
const SECRET_KEY = /^(sk|rk)_(test|live)_[A-Za-z0-9_]{10,247}$/;
const PUBLISHABLE_KEY = /^pk_(test|live)_[A-Za-z0-9_]{10,247}$/;
const WEBHOOK_SECRET = /^whsec_[A-Za-z0-9+/=_-]{10,247}$/;

/**
 * @param env  The environment.
 * @param name Variable name.
 */
function httpUrl( env: NodeJS.ProcessEnv, name: string ): URL | null {
	const value = env[ name ];
	if ( value === undefined || value === '' ) {
		return null;
	}
	let url: URL;
	try {
		url = new URL( value );
	} catch {
		throw new ConfigError( `${ name } must be an http(s) URL.` );
	}
	if ( url.protocol !== 'http:' && url.protocol !== 'https:' ) {
		throw new ConfigError( `${ name } must be an http(s) URL.` );
	}
	return url;
}

/**
 * A duration in milliseconds.
 *
 * @param env      The environment.
 * @param name     Variable name.
 * @param fallback Default.
 */
function duration(
	env: NodeJS.ProcessEnv,
	name: string,
	fallback: number
): number {
	const value = env[ name ];
	if ( value === undefined || value === '' ) {
		return fallback;
	}
	const ms = Number( value );
	if ( ! Number.isInteger( ms ) || ms < 0 || ms > 2 ** 31 - 1 ) {
		throw new ConfigError(
			`${ name } must be a whole number of milliseconds.`
		);
	}
	return ms;
}

/**
 * The Stripe part; every message names the variable, none shows a key.
 *
 * @param env The environment.
 */
function stripeConfig( env: NodeJS.ProcessEnv ): StripeConfig {
	const secretKey = env.STRIPE_SECRET_KEY ?? '';
	if ( secretKey.startsWith( 'pk_' ) ) {
		throw new ConfigError(
			'STRIPE_SECRET_KEY holds a publishable key (pk_...); it must be a secret key (sk_... or rk_...).'
		);
	}
	const secret = SECRET_KEY.exec( secretKey );
	if ( secret === null ) {
		throw new ConfigError(
			'STRIPE_SECRET_KEY is required: a Stripe secret key (sk_test_..., sk_live_... or a restricted rk_...).'
		);
	}
	const mode = secret[ 2 ] as StripeMode;

	const publishableKey = env.STRIPE_PUBLISHABLE_KEY ?? '';
	const publishable = PUBLISHABLE_KEY.exec( publishableKey );
	if ( publishable === null ) {
		throw new ConfigError(
			'STRIPE_PUBLISHABLE_KEY is required: a Stripe publishable key (pk_test_... or pk_live_...).'
		);
	}
	if ( publishable[ 1 ] !== mode ) {
		throw new ConfigError(
			`STRIPE_PUBLISHABLE_KEY is a ${ publishable[ 1 ] } key but STRIPE_SECRET_KEY is a ${ mode } key.`
		);
	}

	const webhookSecrets = ( env.STRIPE_WEBHOOK_SECRET ?? '' )
		.split( ',' )
		.map( ( value ) => value.trim() )
		.filter( ( value ) => value !== '' );
	if (
		webhookSecrets.length === 0 ||
		! webhookSecrets.every( ( value ) => WEBHOOK_SECRET.test( value ) )
	) {
		throw new ConfigError(
			'STRIPE_WEBHOOK_SECRET is required: one or more comma-separated webhook signing secrets (whsec_...).'
		);
	}

	const jsUrl = httpUrl( env, 'STRIPE_JS_URL' );
	return {
		secretKey,
		publishableKey,
		mode,
		webhookSecrets,
		apiBase: httpUrl( env, 'STRIPE_API_BASE' ),
		jsUrl: jsUrl === null ? null : jsUrl.href,
	};
}

/**
 * Reads and checks the configuration.
 *
 * @param env The environment (process.env).
 */
export function loadConfig( env: NodeJS.ProcessEnv ): Config {
	const port = Number( env.PORT ?? '4103' );
	if ( ! Number.isInteger( port ) || port < 0 || port > 65535 ) {
		throw new ConfigError( 'PORT must be a port number.' );
	}

	// bin/start passes SWITCHBOARD_WP_URL; SWITCHBOARD_WORDPRESS_URL wins when both are set.
	const wordpressUrl =
		httpUrl( env, 'SWITCHBOARD_WORDPRESS_URL' ) ??
		httpUrl( env, 'SWITCHBOARD_WP_URL' );
	if ( wordpressUrl === null ) {
		throw new ConfigError(
			'SWITCHBOARD_WORDPRESS_URL must be the WordPress home URL (e.g. http://localhost:8888).'
		);
	}
	const home = wordpressUrl.href.replace( /\/+$/, '' );

	const logLevel = env.LOG_LEVEL || 'info';
	if ( ! LOG_LEVELS.includes( logLevel ) ) {
		throw new ConfigError(
			`LOG_LEVEL must be one of ${ LOG_LEVELS.join( ', ' ) }.`
		);
	}

	const stripe = stripeConfig( env );

	const callbackSecret = env.SWITCHBOARD_PAYMENTS_WEBHOOK_SECRET ?? '';
	if ( callbackSecret.length < 16 ) {
		throw new ConfigError(
			'SWITCHBOARD_PAYMENTS_WEBHOOK_SECRET is required: the secret shared with WordPress (at least 16 characters).'
		);
	}
	const callbackUrl =
		httpUrl( env, 'SWITCHBOARD_PAYMENTS_CALLBACK_URL' )?.href ??
		`${ home }/?rest_route=/switchboard/v1/webhooks/payments`;

	const timings: Timings = {
		reconcileIntervalMs: duration( env, 'RECONCILE_INTERVAL_MS', 60_000 ),
		reconcileAfterMs: duration( env, 'RECONCILE_AFTER_MS', 120_000 ),
		abandonAfterMs: duration( env, 'ABANDON_AFTER_MS', 86_400_000 ),
		callbackRetryBaseMs: duration( env, 'CALLBACK_RETRY_BASE_MS', 1_000 ),
		callbackRetryCapMs: duration( env, 'CALLBACK_RETRY_CAP_MS', 300_000 ),
		callbackTimeoutMs: duration( env, 'CALLBACK_TIMEOUT_MS', 10_000 ),
	};
	for ( const [ name, value ] of [
		[ 'RECONCILE_INTERVAL_MS', timings.reconcileIntervalMs ],
		[ 'CALLBACK_RETRY_BASE_MS', timings.callbackRetryBaseMs ],
		[ 'CALLBACK_TIMEOUT_MS', timings.callbackTimeoutMs ],
	] as const ) {
		if ( value === 0 ) {
			throw new ConfigError(
				`${ name } must be at least 1 millisecond.`
			);
		}
	}

	return {
		port,
		host: env.HOST || '127.0.0.1',
		wordpressUrl: home,
		jwksUrl: `${ home }/wp-json/switchboard/v1/jwks`,
		wordpressCookie: env.SWITCHBOARD_WP_COOKIE || null,
		audience: 'payments',
		dataDir:
			env.DATA_DIR ||
			fileURLToPath( new URL( '../.data', import.meta.url ) ),
		stripe,
		callbackUrl,
		callbackSecret,
		timings,
		logLevel,
	};
}

/**
 * Configuration from the environment. The Stripe keys and both webhook secrets live only here: an error
 * names the variable and never echoes a value.
 */
import { fileURLToPath } from 'node:url';

import {
	ConfigError,
	duration,
	hostFrom,
	httpUrl,
	logLevelFrom,
	portFrom,
	wordpressSiteFrom,
	type ServiceBaseConfig,
} from '@switchboard/service-kit';

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

/** Port, host, where WordPress is and this service's id, as every service has them. */
export interface Config extends ServiceBaseConfig {
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

export { ConfigError };

/** `sk_test_…`, `sk_live_…` and restricted keys `rk_…`; Stripe's keys are long alphanumeric strings. */
const SECRET_KEY = /^(sk|rk)_(test|live)_[A-Za-z0-9_]{10,247}$/;
const PUBLISHABLE_KEY = /^pk_(test|live)_[A-Za-z0-9_]{10,247}$/;
const WEBHOOK_SECRET = /^whsec_[A-Za-z0-9+/=_-]{10,247}$/;

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
	const port = portFrom( env, 4103 );
	const site = wordpressSiteFrom( env );
	const logLevel = logLevelFrom( env );
	const stripe = stripeConfig( env );

	const callbackSecret = env.SWITCHBOARD_PAYMENTS_WEBHOOK_SECRET ?? '';
	if ( callbackSecret.length < 16 ) {
		throw new ConfigError(
			'SWITCHBOARD_PAYMENTS_WEBHOOK_SECRET is required: the secret shared with WordPress (at least 16 characters).'
		);
	}
	const callbackUrl =
		httpUrl( env, 'SWITCHBOARD_PAYMENTS_CALLBACK_URL' )?.href ??
		`${ site.wordpressUrl }/?rest_route=/switchboard/v1/webhooks/payments`;

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
		host: hostFrom( env ),
		...site,
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

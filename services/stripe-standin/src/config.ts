/**
 * Configuration from the environment. Every key has a fixed, documented TEST-ONLY default so that
 * `npm start` and tests work without any real Stripe account; live keys are refused outright.
 */
export interface WebhookRetryPolicy {
	/** Delay before the first retry; each further retry doubles it. */
	initialDelayMs: number;
	/** Attempts in all (the first one included) before a delivery is marked failed. */
	maxAttempts: number;
	/** An endpoint slower than this counts as failed for that attempt. */
	timeoutMs: number;
}

export interface Config {
	port: number;
	host: string;
	/** The base URL browsers use to reach this server (3-D Secure redirects point here). */
	publicUrl: string;
	secretKey: string;
	/** Optional restricted key (`rk_test_...`), treated like the secret key. */
	restrictedKey: string | null;
	publishableKey: string;
	/** Endpoints configured at start; more can be added at run time. */
	webhookUrls: string[];
	webhookSecret: string | null;
	webhookRetry: WebhookRetryPolicy;
	/** Where the JSON snapshot lives; null keeps the state in memory only. */
	dataDir: string | null;
	logLevel: string;
}

export class ConfigError extends Error {
	override readonly name = 'ConfigError';
}

/** TEST-ONLY defaults: they authenticate against this stand-in and nothing else. */
export const DEFAULT_SECRET_KEY = 'sk_test_standin_4eC39HqLyjWDarjtT1zdp7dc';
export const DEFAULT_PUBLISHABLE_KEY =
	'pk_test_standin_TYooMQauvdEDq54NiTphI7jx';

const LOG_LEVELS = [
	'fatal',
	'error',
	'warn',
	'info',
	'debug',
	'trace',
	'silent',
];

function positiveInteger(
	env: NodeJS.ProcessEnv,
	name: string,
	fallback: number
): number {
	const raw = env[ name ];
	if ( raw === undefined || raw === '' ) {
		return fallback;
	}
	const value = Number( raw );
	if ( ! Number.isInteger( value ) || value < 1 ) {
		throw new ConfigError(
			`${ name } must be a positive integer, not "${ raw }".`
		);
	}
	return value;
}

function key( value: string, prefix: string, name: string ): string {
	if ( ! value.startsWith( prefix ) || value.length < prefix.length + 8 ) {
		// The value itself is never echoed: it may be a real key pasted by mistake.
		throw new ConfigError(
			`${ name } must be a test-mode key starting with ${ prefix } (live keys are refused).`
		);
	}
	return value;
}

/**
 * Reads and checks the configuration.
 *
 * @param env The environment (process.env).
 */
export function loadConfig( env: NodeJS.ProcessEnv ): Config {
	const port = Number( env.PORT ?? '12111' );
	if ( ! Number.isInteger( port ) || port < 0 || port > 65535 ) {
		throw new ConfigError(
			`PORT must be a port number, not "${ env.PORT }".`
		);
	}
	const host = env.HOST || '127.0.0.1';

	const logLevel = env.LOG_LEVEL || 'info';
	if ( ! LOG_LEVELS.includes( logLevel ) ) {
		throw new ConfigError(
			`LOG_LEVEL must be one of ${ LOG_LEVELS.join( ', ' ) }.`
		);
	}

	const webhookUrls = ( env.STANDIN_WEBHOOK_URL ?? '' )
		.split( ',' )
		.map( ( url ) => url.trim() )
		.filter( ( url ) => url !== '' );
	for ( const url of webhookUrls ) {
		if ( ! /^https?:\/\/[^\s]+$/.test( url ) ) {
			throw new ConfigError(
				`STANDIN_WEBHOOK_URL must list http(s) URLs, not "${ url }".`
			);
		}
	}
	const webhookSecret = env.STANDIN_WEBHOOK_SECRET || null;
	if ( webhookSecret !== null ) {
		key( webhookSecret, 'whsec_', 'STANDIN_WEBHOOK_SECRET' );
	}
	if ( webhookUrls.length > 0 && webhookSecret === null ) {
		throw new ConfigError(
			'STANDIN_WEBHOOK_SECRET (whsec_...) is required when STANDIN_WEBHOOK_URL is set.'
		);
	}

	let publicUrl = env.STANDIN_PUBLIC_URL || '';
	if ( publicUrl === '' ) {
		publicUrl = `http://${ host.includes( ':' ) ? `[${ host }]` : host }:${ port }`;
	} else if ( ! /^https?:\/\/[^\s/]+/.test( publicUrl ) ) {
		throw new ConfigError( 'STANDIN_PUBLIC_URL must be an http(s) URL.' );
	}

	return {
		port,
		host,
		publicUrl: publicUrl.replace( /\/+$/, '' ),
		secretKey: key(
			env.STANDIN_SECRET_KEY || DEFAULT_SECRET_KEY,
			'sk_test_',
			'STANDIN_SECRET_KEY'
		),
		restrictedKey: env.STANDIN_RESTRICTED_KEY
			? key(
					env.STANDIN_RESTRICTED_KEY,
					'rk_test_',
					'STANDIN_RESTRICTED_KEY'
				)
			: null,
		publishableKey: key(
			env.STANDIN_PUBLISHABLE_KEY || DEFAULT_PUBLISHABLE_KEY,
			'pk_test_',
			'STANDIN_PUBLISHABLE_KEY'
		),
		webhookUrls,
		webhookSecret,
		webhookRetry: {
			initialDelayMs: positiveInteger(
				env,
				'STANDIN_WEBHOOK_RETRY_MS',
				1000
			),
			maxAttempts: positiveInteger(
				env,
				'STANDIN_WEBHOOK_MAX_ATTEMPTS',
				8
			),
			timeoutMs: positiveInteger(
				env,
				'STANDIN_WEBHOOK_TIMEOUT_MS',
				10_000
			),
		},
		dataDir: env.STANDIN_DATA_DIR || null,
		logLevel,
	};
}

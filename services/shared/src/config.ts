/**
 * Reading the environment the same way in every service: one message per variable that names it and never
 * echoes its value (a value may be a secret pasted into the wrong variable).
 */

/** A configuration problem: its message is safe to print (it names a variable, never shows a value). */
export class ConfigError extends Error {
	override readonly name = 'ConfigError';
}

/** Pino's levels, plus `silent`. */
export const LOG_LEVELS: readonly string[] = [
	'fatal',
	'error',
	'warn',
	'info',
	'debug',
	'trace',
	'silent',
];

/**
 * `PORT`, or the service's default port.
 *
 * @param env      The environment.
 * @param fallback The service's default port.
 */
export function portFrom( env: NodeJS.ProcessEnv, fallback: number ): number {
	const port = Number( env.PORT ?? String( fallback ) );
	if ( ! Number.isInteger( port ) || port < 0 || port > 65535 ) {
		throw new ConfigError( 'PORT must be a port number.' );
	}
	return port;
}

/**
 * `HOST`; loopback by default so that nothing is exposed unless asked for.
 *
 * @param env The environment.
 */
export function hostFrom( env: NodeJS.ProcessEnv ): string {
	return env.HOST || '127.0.0.1';
}

/**
 * `LOG_LEVEL`, `info` by default.
 *
 * @param env The environment.
 */
export function logLevelFrom( env: NodeJS.ProcessEnv ): string {
	const logLevel = env.LOG_LEVEL || 'info';
	if ( ! LOG_LEVELS.includes( logLevel ) ) {
		throw new ConfigError(
			`LOG_LEVEL must be one of ${ LOG_LEVELS.join( ', ' ) }.`
		);
	}
	return logLevel;
}

/**
 * An optional http(s) URL.
 *
 * @param env  The environment.
 * @param name Variable name.
 * @return The URL, or null when the variable is unset or empty.
 */
export function httpUrl( env: NodeJS.ProcessEnv, name: string ): URL | null {
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
 * An optional duration in milliseconds (it must fit a timer: at most 2^31 - 1).
 *
 * @param env      The environment.
 * @param name     Variable name.
 * @param fallback Default.
 */
export function duration(
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

/** Where the service finds WordPress: the tokens' issuer and its published keys. */
export interface WordPressSite {
	/** The WordPress home URL without a trailing slash: the tokens' issuer. */
	wordpressUrl: string;
	/** Where WordPress publishes its service keys. */
	jwksUrl: string;
	/** A `Cookie` header for requests to WordPress (`SWITCHBOARD_WP_COOKIE`; development only), or null. */
	wordpressCookie: string | null;
}

/**
 * The WordPress site, from `SWITCHBOARD_WORDPRESS_URL` or (as bin/start passes it) `SWITCHBOARD_WP_URL`;
 * the first wins when both are set.
 *
 * @param env The environment.
 */
export function wordpressSiteFrom( env: NodeJS.ProcessEnv ): WordPressSite {
	const url =
		httpUrl( env, 'SWITCHBOARD_WORDPRESS_URL' ) ??
		httpUrl( env, 'SWITCHBOARD_WP_URL' );
	if ( url === null ) {
		throw new ConfigError(
			'SWITCHBOARD_WORDPRESS_URL must be the WordPress home URL (e.g. http://localhost:8888).'
		);
	}
	const home = url.href.replace( /\/+$/, '' );
	return {
		wordpressUrl: home,
		jwksUrl: `${ home }/wp-json/switchboard/v1/jwks`,
		wordpressCookie: env.SWITCHBOARD_WP_COOKIE || null,
	};
}

/**
 * Configuration from the environment.
 */
import { fileURLToPath } from 'node:url';

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
	dataDir: string;
	/** Shared secret for event signatures; null when unset (the token alone is then checked). */
	webhookSecret: string | null;
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

/**
 * Reads and checks the configuration.
 *
 * @param env The environment (process.env).
 */
export function loadConfig( env: NodeJS.ProcessEnv ): Config {
	const port = Number( env.PORT ?? '4101' );
	if ( ! Number.isInteger( port ) || port < 0 || port > 65535 ) {
		throw new ConfigError(
			`PORT must be a port number, not "${ env.PORT }".`
		);
	}

	// bin/start passes SWITCHBOARD_WP_URL; SWITCHBOARD_WORDPRESS_URL wins when both are set.
	const rawUrl =
		env.SWITCHBOARD_WORDPRESS_URL || env.SWITCHBOARD_WP_URL || '';
	let wordpressUrl: URL;
	try {
		wordpressUrl = new URL( rawUrl );
	} catch {
		throw new ConfigError(
			'SWITCHBOARD_WORDPRESS_URL must be the WordPress home URL (e.g. http://localhost:8888).'
		);
	}
	if (
		wordpressUrl.protocol !== 'http:' &&
		wordpressUrl.protocol !== 'https:'
	) {
		throw new ConfigError(
			'SWITCHBOARD_WORDPRESS_URL must be an http(s) URL.'
		);
	}
	const home = wordpressUrl.href.replace( /\/+$/, '' );

	const logLevel = env.LOG_LEVEL || 'info';
	if ( ! LOG_LEVELS.includes( logLevel ) ) {
		throw new ConfigError(
			`LOG_LEVEL must be one of ${ LOG_LEVELS.join( ', ' ) }.`
		);
	}

	return {
		port,
		host: env.HOST || '127.0.0.1',
		wordpressUrl: home,
		jwksUrl: `${ home }/wp-json/switchboard/v1/jwks`,
		wordpressCookie: env.SWITCHBOARD_WP_COOKIE || null,
		audience: 'search',
		dataDir:
			env.SWITCHBOARD_SEARCH_DATA_DIR ||
			fileURLToPath( new URL( '../.data', import.meta.url ) ),
		webhookSecret: env.SWITCHBOARD_SEARCH_WEBHOOK_SECRET || null,
		logLevel,
	};
}

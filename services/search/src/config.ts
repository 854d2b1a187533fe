/**
 * Configuration from the environment.
 */
import { fileURLToPath } from 'node:url';

import {
	ConfigError,
	hostFrom,
	logLevelFrom,
	portFrom,
	wordpressSiteFrom,
	type ServiceBaseConfig,
} from '@switchboard/service-kit';

/** Port, host, where WordPress is and this service's id, as every service has them. */
export interface Config extends ServiceBaseConfig {
	dataDir: string;
	/** Shared secret for event signatures; null when unset (the token alone is then checked). */
	webhookSecret: string | null;
	logLevel: string;
}

export { ConfigError };

/**
 * Reads and checks the configuration.
 *
 * @param env The environment (process.env).
 */
export function loadConfig( env: NodeJS.ProcessEnv ): Config {
	return {
		port: portFrom( env, 4101 ),
		host: hostFrom( env ),
		...wordpressSiteFrom( env ),
		audience: 'search',
		dataDir:
			env.SWITCHBOARD_SEARCH_DATA_DIR ||
			fileURLToPath( new URL( '../.data', import.meta.url ) ),
		webhookSecret: env.SWITCHBOARD_SEARCH_WEBHOOK_SECRET || null,
		logLevel: logLevelFrom( env ),
	};
}

/**
 * Configuration from the environment: the kit's content-service configuration, under search's names.
 */
import { ConfigError } from '@switchboard/service-kit';
import {
	contentServiceConfigFrom,
	type ContentServiceConfig,
} from '@switchboard/service-kit/content';

/** Port, host, where WordPress is, this service's id, its data folder, event secret and log level. */
export type Config = ContentServiceConfig;

export { ConfigError };

/**
 * Reads and checks the configuration.
 *
 * @param env The environment (process.env).
 */
export function loadConfig( env: NodeJS.ProcessEnv ): Config {
	return contentServiceConfigFrom( env, {
		audience: 'search',
		port: 4101,
		dataDirVariable: 'SWITCHBOARD_SEARCH_DATA_DIR',
		defaultDataDir: new URL( '../.data', import.meta.url ),
		webhookSecretVariable: 'SWITCHBOARD_SEARCH_WEBHOOK_SECRET',
	} );
}

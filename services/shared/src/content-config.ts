/**
 * The configuration every content service reads the same way: where it listens, where WordPress is, its
 * data folder and its event secret. Each service names its own variables and adds its own settings.
 */
import { fileURLToPath } from 'node:url';

import { hostFrom, logLevelFrom, portFrom, wordpressSiteFrom } from './config';
import type { ServiceBaseConfig } from './gateway-verifier';

/** Port, host, where WordPress is and this service's id, as every service has them, and the content part. */
export interface ContentServiceConfig extends ServiceBaseConfig {
	dataDir: string;
	/** Shared secret for event signatures; null when unset (the token alone is then checked). */
	webhookSecret: string | null;
	logLevel: string;
}

export interface ContentServiceNames {
	/** The service's id: the tokens' audience (`search`). */
	audience: string;
	/** Port when `PORT` is unset. */
	port: number;
	/** Variable of the data folder (`SWITCHBOARD_SEARCH_DATA_DIR`). */
	dataDirVariable: string;
	/** Data folder when that variable is unset or empty. */
	defaultDataDir: URL;
	/** Variable of the event secret (`SWITCHBOARD_SEARCH_WEBHOOK_SECRET`). */
	webhookSecretVariable: string;
}

/**
 * Reads and checks the shared part of a content service's configuration (a ConfigError names the variable).
 *
 * @param env   The environment (process.env).
 * @param names The service's id, default port and variable names.
 */
export function contentServiceConfigFrom(
	env: NodeJS.ProcessEnv,
	names: ContentServiceNames
): ContentServiceConfig {
	return {
		port: portFrom( env, names.port ),
		host: hostFrom( env ),
		...wordpressSiteFrom( env ),
		audience: names.audience,
		dataDir:
			env[ names.dataDirVariable ] ||
			fileURLToPath( names.defaultDataDir ),
		webhookSecret: env[ names.webhookSecretVariable ] || null,
		logLevel: logLevelFrom( env ),
	};
}

/**
 * The real search service for the journeys (a ServiceProcess): a fresh data folder and a random webhook secret
 * each run; stopped and started again by the fallback journey.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { e2eCacheDir, ServiceProcess } from './service-process';

const search = new ServiceProcess( 'search' );

/** Whether this run started WordPress and the services itself (false against a WP_BASE_URL given from outside). */
export function isManaged(): boolean {
	return process.env.SWITCHBOARD_E2E_MANAGED === '1';
}

/**
 * Creates a fresh configuration (new data folder, new secret) and exports the secret, which WordPress must
 * inherit: bin/wp-server's php -S takes SWITCHBOARD_SEARCH_WEBHOOK_SECRET from this process's environment,
 * and the plugin reads it as an environment variable. The URL is not exported: see the global set-up.
 * @param wordpressUrl The site's home URL (the tokens' issuer).
 */
export async function configureSearchService(
	wordpressUrl: string
): Promise< { url: string } > {
	const dataDir = path.join( e2eCacheDir, 'search-data' );
	await search.stop().catch( () => undefined );
	await rm( dataDir, { recursive: true, force: true } );
	await mkdir( dataDir, { recursive: true } );
	const secret = randomBytes( 32 ).toString( 'hex' );
	const state = await search.configure(
		Number( process.env.SWITCHBOARD_E2E_SEARCH_PORT ?? '4890' ),
		{
			SWITCHBOARD_WORDPRESS_URL: wordpressUrl.replace( /\/+$/, '' ),
			SWITCHBOARD_SEARCH_DATA_DIR: dataDir,
			SWITCHBOARD_SEARCH_WEBHOOK_SECRET: secret,
			LOG_LEVEL: 'warn',
		}
	);
	process.env.SWITCHBOARD_SEARCH_WEBHOOK_SECRET = secret;
	return { url: state.url };
}

/** Starts the service (no-op when it runs) and waits for /ready. */
export function startSearchService(): Promise< void > {
	return search.start();
}

/** Stops the service and waits until it is gone. */
export function stopSearchService(): Promise< void > {
	return search.stop();
}

/** The service's base URL, for journeys that look at it directly (its /ready document count). */
export async function searchServiceUrl(): Promise< string > {
	return ( await search.state() ).url;
}

/** How many documents the running service has indexed. */
export async function indexedDocuments(): Promise< number > {
	const response = await fetch( `${ await searchServiceUrl() }/ready` );
	const body = ( await response.json() ) as { documents?: number };
	return body.documents ?? 0;
}

/**
 * The real feed service for the journeys (a ServiceProcess): a fresh data folder, a random webhook secret and
 * no holdout each run (the journeys measure the personalized ranking; the holdout has its own service tests).
 */
import { randomBytes } from 'node:crypto';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import type { RequestUtils } from '@wordpress/e2e-test-utils-playwright';
import { e2eCacheDir, ServiceProcess } from './service-process';

const feed = new ServiceProcess( 'feed' );

/**
 * Creates a fresh configuration and exports the secret, which WordPress inherits (see configureSearchService).
 * @param wordpressUrl The site's home URL (the tokens' issuer).
 */
export async function configureFeedService(
	wordpressUrl: string
): Promise< { url: string } > {
	const dataDir = path.join( e2eCacheDir, 'feed-data' );
	await feed.stop().catch( () => undefined );
	await rm( dataDir, { recursive: true, force: true } );
	await mkdir( dataDir, { recursive: true } );
	const secret = randomBytes( 32 ).toString( 'hex' );
	const state = await feed.configure(
		Number( process.env.SWITCHBOARD_E2E_FEED_PORT ?? '4894' ),
		{
			SWITCHBOARD_WORDPRESS_URL: wordpressUrl.replace( /\/+$/, '' ),
			SWITCHBOARD_FEED_DATA_DIR: dataDir,
			SWITCHBOARD_FEED_WEBHOOK_SECRET: secret,
			SWITCHBOARD_FEED_HOLDOUT: '0',
			LOG_LEVEL: 'warn',
		}
	);
	process.env.SWITCHBOARD_FEED_WEBHOOK_SECRET = secret;
	return { url: state.url };
}

/** Starts the service (no-op when it runs) and waits for /ready. */
export function startFeedService(): Promise< void > {
	return feed.start();
}

/** Stops the service and waits until it is gone. */
export function stopFeedService(): Promise< void > {
	return feed.stop();
}

/**
 * Points the site at the running service through Settings → Switchboard, as an admin would.
 * @param requestUtils
 */
export async function pointSiteAtFeedService(
	requestUtils: RequestUtils
): Promise< void > {
	await requestUtils.rest( {
		method: 'POST',
		path: '/switchboard/v1/admin/settings',
		data: { urls: { feed: ( await feed.state() ).url } },
	} );
}

/** The service's base URL, for journeys that look at it directly (its /ready catalogue size). */
export async function feedServiceUrl(): Promise< string > {
	return ( await feed.state() ).url;
}

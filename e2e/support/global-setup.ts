/**
 * Starts a fresh native WordPress for the journeys (unless WP_BASE_URL points at one already), with the
 * real search, feed and payment services (and the offline Stripe stand-in) beside it, then logs in once through REST
 * and stores the admin session for every test.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { request, type FullConfig } from '@playwright/test';
import { RequestUtils } from '@wordpress/e2e-test-utils-playwright';
import { repoRoot, siteName } from './site';
import { configureSearchService, startSearchService } from './search-service';
import {
	configurePaymentServices,
	startPaymentServices,
} from './payment-services';
import { pointSiteAtSearchService, waitForSeededIndex } from './search';
import {
	configureFeedService,
	pointSiteAtFeedService,
	startFeedService,
} from './feed-service';
import { waitForSeededCatalogue } from './feed';

function wpServer(
	args: string[],
	env: NodeJS.ProcessEnv = process.env
): string {
	return execFileSync(
		'bash',
		[ path.join( repoRoot, 'bin', 'wp-server' ), ...args ],
		{
			cwd: repoRoot,
			encoding: 'utf8',
			env,
			stdio: [ 'ignore', 'pipe', 'inherit' ],
		}
	);
}

export default async function globalSetup(
	config: FullConfig
): Promise< void > {
	const managed = process.env.SWITCHBOARD_E2E_MANAGED === '1';
	if ( managed ) {
		const port = process.env.SWITCHBOARD_E2E_PORT ?? '8890';
		const site = [ '--name', siteName, '--port', port ];
		// The service first, and its secret in this process's environment: php -S inherits it from
		// bin/wp-server, and WordPress signs the events it sends with it.
		const search = await configureSearchService(
			`http://127.0.0.1:${ port }`
		);
		await startSearchService();
		// The payment service and its Stripe stand-in likewise; the payment journeys point the site at it.
		await configurePaymentServices( `http://127.0.0.1:${ port }` );
		await startPaymentServices();
		// The feed service too: its catalogue fills from the same seed's content events.
		const feed = await configureFeedService( `http://127.0.0.1:${ port }` );
		await startFeedService();
		// The seed is written while the site is installed, and WordPress writes content events only for a
		// configured service: the reset sees the URL in its environment. The server then runs without it
		// (stop, start), because a URL from the environment locks the settings screen's field, which the
		// settings journeys edit; the journeys point the site at the service through that setting instead.
		const server = { ...process.env };
		delete server.SWITCHBOARD_SEARCH_URL;
		delete server.SWITCHBOARD_FEED_URL;
		wpServer( [ 'reset', ...site ], {
			...server,
			SWITCHBOARD_SEARCH_URL: search.url,
			SWITCHBOARD_FEED_URL: feed.url,
		} );
		wpServer( [ 'stop', '--name', siteName ], server );
		wpServer( [ 'start', ...site ], server );
		// bin/wp-server probes the front page as it starts, and its feed block asks the feed service: the
		// harness's traffic, not a visitor's. The settings journeys start from a site nobody has used.
		wpServer(
			[
				'php',
				'--name',
				siteName,
				path.join(
					repoRoot,
					'e2e',
					'support',
					'php',
					'forget-traffic.php'
				),
			],
			server
		);
		process.env.SWITCHBOARD_E2E_DEBUG_LOG = path.join(
			repoRoot,
			'.cache',
			'sites',
			siteName,
			'debug.log'
		);
	}

	const { baseURL, storageState } = config.projects[ 0 ].use;
	const requestContext = await request.newContext( { baseURL } );
	const requestUtils = new RequestUtils( requestContext, {
		storageStatePath:
			typeof storageState === 'string' ? storageState : undefined,
	} );
	await requestUtils.setupRest();
	// The editor's first-run welcome guide loads its pictures from s.w.org, which these machines cannot
	// reach; a returning editor has dismissed it, and that is who the journeys play.
	await requestUtils.rest( {
		method: 'POST',
		path: '/wp/v2/users/me',
		data: {
			meta: {
				persisted_preferences: {
					'core/edit-post': { welcomeGuide: false },
					'core/edit-site': { welcomeGuide: false },
					_modified: new Date().toISOString(),
				},
			},
		},
	} );
	if ( managed ) {
		await pointSiteAtSearchService( requestUtils );
		await pointSiteAtFeedService( requestUtils );
		await waitForSeededIndex( requestUtils );
		await waitForSeededCatalogue( requestUtils );
	}
	await requestContext.dispose();
}

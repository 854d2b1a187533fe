/**
 * Starts a fresh native WordPress for the journeys (unless WP_BASE_URL points at one already),
 * then logs in once through REST and stores the admin session for every test.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { request, type FullConfig } from '@playwright/test';
import { RequestUtils } from '@wordpress/e2e-test-utils-playwright';
import { repoRoot, siteName } from './site';

function wpServer( ...args: string[] ): string {
	return execFileSync(
		'bash',
		[ path.join( repoRoot, 'bin', 'wp-server' ), ...args ],
		{
			cwd: repoRoot,
			encoding: 'utf8',
			stdio: [ 'ignore', 'pipe', 'inherit' ],
		}
	);
}

export default async function globalSetup(
	config: FullConfig
): Promise< void > {
	if ( process.env.SWITCHBOARD_E2E_MANAGED === '1' ) {
		const port = process.env.SWITCHBOARD_E2E_PORT ?? '8890';
		// A clean database every run: journeys must not depend on what an earlier run left behind.
		wpServer( 'reset', '--name', siteName, '--port', port );
		wpServer( 'start', '--name', siteName, '--port', port );
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
	await requestContext.dispose();
}

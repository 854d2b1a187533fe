/**
 * Stops the WordPress and the services that the global set-up started; a site given through
 * WP_BASE_URL is left alone.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { repoRoot, siteName } from './site';
import { stopSearchService } from './search-service';
import { stopPaymentServices } from './payment-services';
import { stopFeedService } from './feed-service';

export default async function globalTeardown(): Promise< void > {
	if ( process.env.SWITCHBOARD_E2E_MANAGED !== '1' ) {
		return;
	}
	await stopSearchService();
	await stopPaymentServices();
	await stopFeedService();
	execFileSync(
		'bash',
		[
			path.join( repoRoot, 'bin', 'wp-server' ),
			'stop',
			'--name',
			siteName,
		],
		{
			cwd: repoRoot,
			stdio: 'inherit',
		}
	);
}

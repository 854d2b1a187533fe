/**
 * Stops the WordPress that the global set-up started; a site given through WP_BASE_URL is left alone.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { repoRoot, siteName } from './site';

export default function globalTeardown(): void {
	if ( process.env.SWITCHBOARD_E2E_MANAGED !== '1' ) {
		return;
	}
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

/**
 * Where the site under test lives and how to reach its files, shared by set-up, teardown and fixtures.
 */
import path from 'node:path';

export const repoRoot = path.resolve( __dirname, '..', '..' );

/** The bin/wp-server site name the journeys use, so they never touch a developer's own site. */
export const siteName = process.env.SWITCHBOARD_E2E_SITE ?? 'e2e';

/**
 * The PHP debug log of the site under test, when the site runs on this machine.
 * Empty when the journeys run against a remote WP_BASE_URL given from outside.
 */
export function debugLogPath(): string {
	return process.env.SWITCHBOARD_E2E_DEBUG_LOG ?? '';
}

/**
 * Playwright drives Debian's Chromium against the native WordPress runtime (bin/wp-server), which
 * the global set-up starts on its own port and the teardown stops. Set WP_BASE_URL to run the same
 * journeys against a site that is already up (wp-env, a staging copy): nothing is started then.
 */
import path from 'node:path';
import { defineConfig } from '@playwright/test';

const artifacts = path.join( __dirname, '..', 'artifacts', 'e2e' );

process.env.WP_ARTIFACTS_PATH ??= artifacts;
process.env.STORAGE_STATE_PATH ??= path.join(
	artifacts,
	'storage-states',
	'admin.json'
);
// A WP_BASE_URL given from outside means that site is used as it is; otherwise set-up starts one.
process.env.SWITCHBOARD_E2E_MANAGED ??= process.env.WP_BASE_URL ? '0' : '1';
process.env.SWITCHBOARD_E2E_PORT ??= '8890';
process.env.WP_BASE_URL ??= `http://127.0.0.1:${ process.env.SWITCHBOARD_E2E_PORT }`;

export default defineConfig( {
	testDir: './specs',
	outputDir: path.join( artifacts, 'test-results' ),
	globalSetup: require.resolve( './support/global-setup.ts' ),
	globalTeardown: require.resolve( './support/global-teardown.ts' ),
	// One worker: the machines have two cores and WordPress runs on them too.
	workers: 1,
	fullyParallel: false,
	forbidOnly: !! process.env.CI,
	retries: 0,
	timeout: 60_000,
	expect: { timeout: 10_000 },
	reporter: process.env.CI
		? [
				[ 'list' ],
				[
					'junit',
					{ outputFile: path.join( artifacts, 'junit.xml' ) },
				],
			]
		: [ [ 'list' ] ],
	use: {
		baseURL: process.env.WP_BASE_URL,
		headless: true,
		locale: 'en-US',
		viewport: { width: 1280, height: 800 },
		storageState: process.env.STORAGE_STATE_PATH,
		actionTimeout: 10_000,
		trace: 'retain-on-failure',
		screenshot: 'only-on-failure',
		contextOptions: { reducedMotion: 'reduce' },
		launchOptions: {
			// Playwright cannot download its own browsers here; Debian's Chromium stands in.
			executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
			args: [
				'--no-sandbox',
				'--disable-gpu',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync',
				'--no-first-run',
				'--disable-quic',
			],
		},
	},
	projects: [
		// The settings journeys describe a fresh site (no service configured, no requests yet): they run
		// first, before the search journeys and the search block's renders send traffic to the gateway.
		{ name: 'fresh-site', testMatch: /settings\.spec\.ts$/ },
		{ name: 'chromium', testIgnore: /settings\.spec\.ts$/ },
	],
} );

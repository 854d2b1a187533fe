/**
 * With the feed service stopped, a consenting visitor keeps the server-rendered list and the page stays
 * whole; the admin sees the failure on the Feed card in Settings → Switchboard. The service is started again
 * afterwards.
 */
import {
	test,
	expect,
	expectAccessible,
	forgiveHttpErrors,
} from '../support/test';
import {
	pointSiteAtFeedService,
	startFeedService,
	stopFeedService,
} from '../support/feed-service';
import { isManaged } from '../support/search-service';
import {
	PERSONAL_ROUTE,
	agreeToPersonalization,
	createFeedPage,
	feedBlocks,
	listedLinks,
} from '../support/feed';

test.describe( 'Feed when the service is down', () => {
	// eslint-disable-next-line playwright/no-skipped-test -- against a site given from outside, its service is not ours to stop.
	test.skip(
		! isManaged(),
		'Stopping the feed service needs the one this run started.'
	);

	test.beforeAll( async ( { requestUtils } ) => {
		await pointSiteAtFeedService( requestUtils );
	} );

	test.afterAll( async () => {
		await startFeedService();
	} );

	test( 'the visitor keeps the server list and the admin sees the outage', async ( {
		browser,
		page,
		pageErrors,
		admin,
		requestUtils,
	} ) => {
		const { link } = await createFeedPage( requestUtils, 'Feed outage', [
			{ heading: 'Stories for you', count: 5, personalize: true },
		] );
		await stopFeedService();

		const visitor = await browser.newContext();
		try {
			const tab = await visitor.newPage();
			const errors: string[] = [];
			tab.on( 'pageerror', ( error ) => errors.push( error.message ) );
			await tab.goto( link );
			const block = feedBlocks( tab ).first();
			const server = await listedLinks( block );
			expect( server ).toHaveLength( 5 );

			const answered = tab.waitForResponse( ( response ) =>
				PERSONAL_ROUTE.test( response.url() )
			);
			await agreeToPersonalization( tab );
			const response = await answered;
			// The gateway answers for the service: WordPress's own list, marked as a fallback.
			expect( response.status() ).toBe( 200 );
			expect( response.headers()[ 'x-switchboard-fallback' ] ).toBe(
				'native'
			);
			expect( ( await response.json() ).mode ).toBe( 'fallback' );
			expect( await listedLinks( block ) ).toEqual( server );
			await expect(
				block.getByRole( 'heading', { name: 'Stories for you' } )
			).toBeVisible();
			await expectAccessible( tab );
			expect( errors ).toEqual( [] );
		} finally {
			await visitor.close();
		}

		await admin.visitAdminPage( 'options-general.php', 'page=switchboard' );
		const card = page.getByRole( 'region', { name: 'Feed', exact: true } );
		await expect( card ).toContainText( /Degraded|Down/ );
		// The personalization panel says the service cannot be reached (its stats call is a 503).
		await expect(
			page.getByRole( 'alert' ).filter( {
				hasText: 'The feed statistics could not be loaded',
			} )
		).toBeVisible();
		forgiveHttpErrors( pageErrors, 503, /admin\/feed\/stats/ );
	} );
} );

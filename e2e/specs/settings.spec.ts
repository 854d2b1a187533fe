/**
 * Settings → Switchboard as an administrator: the services' health, their addresses (checked before
 * anything is saved), a connection test that reports the gateway's error, and no accessibility violation.
 */
import type { RequestUtils } from '@wordpress/e2e-test-utils-playwright';
import {
	test,
	expect,
	expectAccessible,
	forgiveHttpErrors,
} from '../support/test';

/** A port nothing listens on: connections are refused at once. */
const UNREACHABLE = 'http://127.0.0.1:9';

async function setUrls(
	requestUtils: RequestUtils,
	urls: Record< string, string >
): Promise< void > {
	await requestUtils.rest( {
		method: 'POST',
		path: '/switchboard/v1/admin/settings',
		data: { urls },
	} );
}

test.describe( 'Settings → Switchboard', () => {
	test.beforeEach( async ( { requestUtils } ) => {
		await setUrls( requestUtils, { search: '', feed: '', payments: '' } );
	} );

	test.afterAll( async ( { requestUtils } ) => {
		await setUrls( requestUtils, { search: '', feed: '', payments: '' } );
	} );

	test( 'lists the three services and passes axe', async ( {
		admin,
		page,
	} ) => {
		// Settings → Reading opens the Settings menu (General would ask WordPress.org for languages).
		await admin.visitAdminPage( 'options-reading.php' );
		await page
			.locator( '#adminmenu' )
			.getByRole( 'link', { name: 'Switchboard', exact: true } )
			.click();

		await expect(
			page.getByRole( 'heading', { level: 1, name: 'Switchboard' } )
		).toBeVisible();
		for ( const name of [ 'Search', 'Feed', 'Payments' ] ) {
			const card = page.getByRole( 'region', { name, exact: true } );
			await expect( card ).toBeVisible();
			await expect( card ).toContainText( 'Not configured' );
			await expect( card ).toContainText(
				'No requests in the last hour.'
			);
		}
		await expect(
			page.getByRole( 'textbox', { name: 'Search base URL' } )
		).toBeVisible();
		await expect(
			page.getByRole( 'region', { name: 'Content events' } )
		).toContainText( 'No failed deliveries.' );

		await expectAccessible( page );
	} );

	test( 'refuses an invalid URL and saves a valid one', async ( {
		admin,
		page,
		pageErrors,
		requestUtils,
	} ) => {
		await admin.visitAdminPage( 'options-general.php', 'page=switchboard' );
		const field = page.getByRole( 'textbox', { name: 'Feed base URL' } );

		await field.fill( 'ftp://user:secret@feed.example/?q=1' );
		await page.getByRole( 'button', { name: 'Save', exact: true } ).click();
		await expect( field ).toHaveAttribute( 'aria-invalid', 'true' );
		await expect( field ).toHaveAccessibleDescription(
			/http:\/\/ or https:\/\//
		);
		await expect( field ).toBeFocused();
		await expect( page.getByRole( 'status' ) ).toContainText(
			'Some settings were not saved.'
		);
		await expectAccessible( page );

		// The server refuses it too, with a message for the field.
		await expect(
			setUrls( requestUtils, { feed: 'ftp://feed.example' } )
		).rejects.toMatchObject( {
			code: 'switchboard_invalid_settings',
			data: {
				status: 400,
				fields: { feed: expect.stringContaining( 'http://' ) },
			},
		} );

		await page.reload();
		await expect( field ).toHaveValue( '' );

		await field.fill( 'http://feed.internal:3000/v1' );
		await page.getByRole( 'button', { name: 'Save', exact: true } ).click();
		await expect( page.getByRole( 'status' ) ).toContainText(
			'Settings saved.'
		);
		await page.reload();
		await expect( field ).toHaveValue( 'http://feed.internal:3000/v1' );
		await expect(
			page.getByRole( 'region', { name: 'Feed', exact: true } )
		).toContainText( 'http://feed.internal:3000/v1' );
		// A feed service with an address is asked for its statistics; this one cannot be reached (503).
		await expect(
			page.getByRole( 'alert' ).filter( {
				hasText: 'The feed statistics could not be loaded',
			} )
		).toBeVisible();
		forgiveHttpErrors( pageErrors, 503, /admin\/feed\/stats/ );
	} );

	test( 'a connection test of an unreachable service shows the error', async ( {
		admin,
		page,
		requestUtils,
	} ) => {
		await setUrls( requestUtils, { payments: UNREACHABLE } );
		await admin.visitAdminPage( 'options-general.php', 'page=switchboard' );

		await page
			.getByRole( 'button', { name: 'Test connection to Payments' } )
			.click();
		const notice = page.getByRole( 'status' );
		await expect( notice ).toContainText(
			/Payments: .+ \(switchboard_[a-z_]+\)/
		);

		// The failure is on the card once the health view refreshes.
		const card = page.getByRole( 'region', {
			name: 'Payments',
			exact: true,
		} );
		await expect( card ).toContainText( 'Degraded' );
		await expect( card ).toContainText( /switchboard_[a-z_]+/ );
		await expectAccessible( page );
	} );
} );

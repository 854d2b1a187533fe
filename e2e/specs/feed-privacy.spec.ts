/**
 * A logged-in reader's feed profile in WordPress's privacy tools: Tools → Export Personal Data includes it,
 * Tools → Erase Personal Data removes it from the feed service. The admin makes the requests on the screens
 * and runs each exporter and eraser through the same admin-ajax calls those screens make.
 */
import type { Page } from '@playwright/test';
import { test, expect } from '../support/test';
import { pointSiteAtFeedService } from '../support/feed-service';
import {
	agreeToPersonalization,
	createFeedPage,
	readPost,
} from '../support/feed';
import { postsInCategory, usedCategories } from '../support/content';

/** The export groups of the feed's exporter (Switchboard\Feed\PrivacyExporter). */
const GROUPS = [ 'Feed profile', 'Feed activity' ];

type ExportItem = {
	group_label: string;
	data: { name: string; value: string }[];
};

/**
 * Files a privacy request of one kind for an address on its Tools screen (no confirmation email: the
 * admin confirms on the reader's behalf) and returns the request row's data attributes.
 * @param page   The admin's tab.
 * @param screen `export_personal_data` or `remove_personal_data`.
 * @param email  The reader's address.
 */
async function fileRequest(
	page: Page,
	screen: 'export_personal_data' | 'remove_personal_data',
	email: string
): Promise< { id: string; nonce: string; count: number } > {
	await page.goto(
		screen === 'export_personal_data'
			? '/wp-admin/export-personal-data.php'
			: '/wp-admin/erase-personal-data.php'
	);
	await page.getByLabel( 'Username or email address' ).fill( email );
	await page.locator( '#send_confirmation_email' ).uncheck();
	await page.getByRole( 'button', { name: 'Send Request' } ).click();
	// A second request while one is open is refused; the open one is what the admin acts on then.
	const handle = page
		.locator( 'tr', { hasText: email } )
		.locator(
			screen === 'export_personal_data'
				? '.export-personal-data'
				: '.remove-personal-data'
		)
		.first();
	await expect( handle ).toBeAttached();
	const id = ( await handle.getAttribute( 'data-request-id' ) ) ?? '';
	const nonce = ( await handle.getAttribute( 'data-nonce' ) ) ?? '';
	const count = Number(
		await handle.getAttribute(
			screen === 'export_personal_data'
				? 'data-exporters-count'
				: 'data-erasers-count'
		)
	);
	return { id, nonce, count };
}

/**
 * Runs every exporter's first page for a request and returns the items.
 * @param page          The admin's tab (on an admin screen).
 * @param request       The request row's attributes.
 * @param request.id
 * @param request.nonce
 * @param request.count
 */
function exportItems(
	page: Page,
	request: { id: string; nonce: string; count: number }
): Promise< ExportItem[] > {
	return page.evaluate( async ( { id, nonce, count } ) => {
		const items: ExportItem[] = [];
		for ( let exporter = 1; exporter <= count; exporter++ ) {
			const body = new URLSearchParams( {
				action: 'wp-privacy-export-personal-data',
				exporter: String( exporter ),
				id,
				page: '1',
				security: nonce,
				sendAsEmail: 'false',
			} );
			const response = await fetch( '/wp-admin/admin-ajax.php', {
				method: 'POST',
				body,
			} );
			const answer = ( await response.json() ) as {
				success: boolean;
				data: { data?: ExportItem[] };
			};
			items.push( ...( answer.data.data ?? [] ) );
		}
		return items;
	}, request );
}

test.describe( 'Feed profile and the privacy tools', () => {
	test( 'export includes the reader’s feed profile and erasure removes it', async ( {
		browser,
		page,
		requestUtils,
	} ) => {
		await pointSiteAtFeedService( requestUtils );
		const suffix = Date.now().toString( 36 );
		const email = `reader-${ suffix }@example.org`;
		await requestUtils.createUser( {
			username: `reader${ suffix }`,
			email,
			password: 'password',
			roles: [ 'subscriber' ],
		} );
		const category = ( await usedCategories( requestUtils ) ).find(
			( term ) => term.count >= 3
		);
		expect( category ).toBeDefined();
		const posts = await postsInCategory( requestUtils, category!.id );
		const { link } = await createFeedPage(
			requestUtils,
			'Feed for members',
			[ { heading: 'For you', count: 4, showReason: true } ]
		);

		// The reader logs in, agrees and reads two posts of one category.
		const reader = await browser.newContext( {
			storageState: { cookies: [], origins: [] },
		} );
		try {
			const tab = await reader.newPage();
			await tab.goto( '/wp-login.php' );
			await tab.getByLabel( 'Username or Email Address' ).fill( email );
			await tab
				.getByLabel( 'Password', { exact: true } )
				.fill( 'password' );
			await tab.getByRole( 'button', { name: 'Log In' } ).click();
			await tab.waitForURL( /wp-admin/ );
			await tab.goto( link );
			await agreeToPersonalization( tab );
			for ( const post of posts.slice( 0, 2 ) ) {
				await readPost( tab, post.link );
			}
		} finally {
			await reader.close();
		}

		const exported = await exportItems(
			page,
			await fileRequest( page, 'export_personal_data', email )
		);
		const profile = exported.filter( ( item ) =>
			GROUPS.includes( item.group_label )
		);
		expect( profile.length ).toBeGreaterThan( 0 );
		expect( JSON.stringify( profile ) ).toContain( category!.name );

		const erase = await fileRequest( page, 'remove_personal_data', email );
		const erased = await page.evaluate( async ( { id, nonce, count } ) => {
			const answers = [];
			for ( let eraser = 1; eraser <= count; eraser++ ) {
				const response = await fetch( '/wp-admin/admin-ajax.php', {
					method: 'POST',
					body: new URLSearchParams( {
						action: 'wp-privacy-erase-personal-data',
						eraser: String( eraser ),
						id,
						page: '1',
						security: nonce,
					} ),
				} );
				answers.push(
					( await response.json() ) as {
						data: {
							items_removed: boolean;
							items_retained: boolean;
						};
					}
				);
			}
			return answers;
		}, erase );
		expect( erased.some( ( answer ) => answer.data.items_removed ) ).toBe(
			true
		);
		expect(
			erased.every( ( answer ) => ! answer.data.items_retained )
		).toBe( true );

		const after = await exportItems(
			page,
			await fileRequest( page, 'export_personal_data', email )
		);
		expect(
			after.filter( ( item ) => GROUPS.includes( item.group_label ) )
		).toEqual( [] );
	} );
} );

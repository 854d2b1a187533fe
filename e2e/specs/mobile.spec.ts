/**
 * The site at a phone's width: nothing overflows sideways, text stays readable, the menu opens.
 */
import type { Page } from '@playwright/test';
import { test, expect, expectAccessible } from '../support/test';
import { latestPosts } from '../support/content';

test.use( {
	viewport: { width: 375, height: 812 },
	storageState: { cookies: [], origins: [] },
} );

async function expectNoSidewaysScroll( page: Page ): Promise< void > {
	const overflow = await page.evaluate(
		() => document.documentElement.scrollWidth - window.innerWidth
	);
	expect( overflow, 'page wider than the viewport' ).toBeLessThanOrEqual( 0 );
}

test.describe( 'Visitor on a 375 px phone', () => {
	test( 'the front page fits the screen and its menu opens and closes by keyboard', async ( {
		page,
	} ) => {
		await page.goto( '/' );
		await expectNoSidewaysScroll( page );

		const open = page
			.getByRole( 'banner' )
			.getByRole( 'button', { name: /open menu/i } );
		await expect( open ).toBeVisible();
		await open.focus();
		await page.keyboard.press( 'Enter' );
		const menu = page.getByRole( 'dialog' );
		await expect( menu ).toBeVisible();
		await expect( menu.getByRole( 'link' ).first() ).toBeVisible();
		await page.keyboard.press( 'Escape' );
		await expect( menu ).toBeHidden();
		await expectAccessible( page );
	} );

	test( 'a single post is readable without zooming', async ( {
		page,
		requestUtils,
	} ) => {
		const [ post ] = await latestPosts( requestUtils, 1 );
		await page.goto( post.link );
		await expectNoSidewaysScroll( page );
		const paragraph = page.getByRole( 'main' ).locator( 'p' ).nth( 2 );
		const fontSize = await paragraph.evaluate( ( element ) =>
			parseFloat( getComputedStyle( element ).fontSize )
		);
		expect( fontSize ).toBeGreaterThanOrEqual( 16 );
		const box = await paragraph.boundingBox();
		expect( box?.x ?? -1 ).toBeGreaterThanOrEqual( 12 );
		expect( ( box?.x ?? 0 ) + ( box?.width ?? 999 ) ).toBeLessThanOrEqual(
			375 - 12
		);
		await expectAccessible( page );
	} );
} );

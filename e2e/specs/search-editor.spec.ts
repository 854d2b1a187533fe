/**
 * An editor adds the search block to a page, configures it (label, results per page, facets, instant),
 * sees real results for a sample query in the editor (the server's render, through the gateway), and
 * publishes: the page shows the block as configured.
 */
import { test, expect } from '../support/test';
import { latestPosts } from '../support/content';
import {
	gatewaySearch,
	pointSiteAtSearchService,
	summaryName,
} from '../support/search';

const LABEL = 'Search the newsroom';
const PER_PAGE = 3;
const TERM = 'search';

test.describe( 'Editor configuring the search block', () => {
	test.beforeAll( async ( { requestUtils } ) => {
		await pointSiteAtSearchService( requestUtils );
	} );

	test( 'configures the block, previews live results and publishes it', async ( {
		admin,
		editor,
		page,
		requestUtils,
	} ) => {
		const expected = await gatewaySearch( { q: TERM, per_page: PER_PAGE } );
		expect( expected.body.total ).toBeGreaterThan( PER_PAGE );
		const [ newest ] = await latestPosts( requestUtils, 1 );

		await admin.createNewPost( {
			postType: 'page',
			title: 'Newsroom search',
		} );
		await editor.insertBlock( { name: 'switchboard/search' } );
		await editor.openDocumentSettingsSidebar();
		const settings = page.getByRole( 'region', {
			name: 'Editor settings',
		} );
		await settings
			.getByRole( 'textbox', { name: 'Label', exact: true } )
			.fill( LABEL );
		await settings
			.getByRole( 'spinbutton', { name: 'Results per page' } )
			.fill( String( PER_PAGE ) );
		await settings
			.getByRole( 'checkbox', { name: 'Search as you type' } )
			.check();
		await settings
			.getByRole( 'checkbox', { name: 'Tag', exact: true } )
			.uncheck();
		await settings
			.getByRole( 'checkbox', { name: 'Content type', exact: true } )
			.uncheck();
		await settings
			.getByRole( 'checkbox', { name: 'Author', exact: true } )
			.check();

		// The live preview: real results for a sample query, as a visitor would get them.
		const block = editor.canvas.locator(
			'[data-type="switchboard/search"]'
		);
		await settings
			.getByRole( 'textbox', { name: 'Preview results for' } )
			.fill( TERM );
		await expect(
			block.getByRole( 'searchbox', { name: LABEL } )
		).toBeVisible();
		const previewList = block.getByRole( 'list', {
			name: summaryName( TERM, expected.body.total ),
		} );
		await expect(
			previewList.getByRole( 'heading', { level: 3 } ).getByRole( 'link' )
		).toHaveText( expected.body.results.map( ( result ) => result.title ) );
		await expect(
			block.getByRole( 'group', { name: 'Author' } )
		).toBeVisible();
		await expect( block.getByRole( 'group', { name: 'Tag' } ) ).toHaveCount(
			0
		);

		expect( await editor.getBlocks() ).toMatchObject( [
			{
				name: 'switchboard/search',
				attributes: {
					label: LABEL,
					perPage: PER_PAGE,
					instant: true,
					facets: [ 'category', 'author', 'date' ],
				},
			},
		] );

		const pageId = await editor.publishPost();
		const published = await requestUtils.rest< { link: string } >( {
			path: `/wp/v2/pages/${ pageId }`,
		} );

		// The published page: the configured label, and results with the configured page size and facets.
		await page.goto(
			`${ published.link }?q=${ encodeURIComponent( newest.title.raw ) }`
		);
		const front = page.locator( '.wp-block-switchboard-search' );
		await expect(
			front
				.getByRole( 'search' )
				.getByRole( 'searchbox', { name: LABEL } )
		).toHaveValue( newest.title.raw );
		await expect(
			front
				.getByRole( 'list', { name: summaryName( newest.title.raw ) } )
				.getByRole( 'link', { name: newest.title.raw, exact: true } )
				.first()
		).toBeVisible();
		await page.goto( `${ published.link }?q=${ TERM }` );
		// Any count: "Newsroom search" itself becomes a result once its publish event reaches the index.
		await expect(
			front
				.getByRole( 'list', {
					name: summaryName( TERM ),
				} )
				.getByRole( 'heading', { level: 3 } )
		).toHaveCount( PER_PAGE );
		for ( const legend of [ 'Category', 'Author', 'Date' ] ) {
			await expect(
				front.getByRole( 'group', { name: legend } )
			).toBeVisible();
		}
		for ( const legend of [ 'Tag', 'Content type' ] ) {
			await expect(
				front.getByRole( 'group', { name: legend } )
			).toHaveCount( 0 );
		}

		// Instant, as configured: typing alone searches, without a page load.
		await page.evaluate( () => {
			( window as unknown as { sameDocument: boolean } ).sameDocument =
				true;
		} );
		const box = front.getByRole( 'searchbox', { name: LABEL } );
		await box.fill( '' );
		await box.pressSequentially( newest.title.raw.split( ' ' )[ 0 ], {
			delay: 40,
		} );
		await expect( page ).toHaveURL(
			( url ) =>
				url.searchParams.get( 'q' ) ===
				newest.title.raw.split( ' ' )[ 0 ]
		);
		await expect(
			front.getByRole( 'heading', {
				level: 2,
				name: summaryName( newest.title.raw.split( ' ' )[ 0 ] ),
			} )
		).toBeVisible();
		expect(
			await page.evaluate(
				() =>
					( window as unknown as { sameDocument?: boolean } )
						.sameDocument
			)
		).toBe( true );
	} );
} );

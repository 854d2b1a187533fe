/**
 * A visitor searching with JavaScript: results update as they type (no page load), a category facet narrows
 * them (with its count, reflected in the URL), a second page follows, and the browser's back and forward
 * buttons restore every earlier state: query, filter, page and results.
 */
import type { Locator, Page } from '@playwright/test';
import { test, expect } from '../support/test';
import {
	createSearchPage,
	gatewaySearch,
	pointSiteAtSearchService,
	summaryName,
	type SearchFacetBucket,
} from '../support/search';

const PER_PAGE = 2;

/** Words the demo content uses in many posts across categories; the first that fits the journey is used. */
const CANDIDATE_TERMS = [ 'search', 'service', 'design', 'performance' ];

type Plan = {
	term: string;
	total: number;
	category: SearchFacetBucket;
	page1: string[];
	filteredPage1: string[];
	filteredPage2: string[];
};

/**
 * Finds a term with enough results, and a category that holds some but not all of them and needs two
 * pages, then reads what each state should show from the gateway (the same answers the browser gets).
 */
async function planJourney(): Promise< Plan > {
	for ( const term of CANDIDATE_TERMS ) {
		const all = await gatewaySearch( { q: term, per_page: PER_PAGE } );
		const category = ( all.body.facets?.category ?? [] ).find(
			( bucket ) =>
				bucket.count > PER_PAGE && bucket.count < all.body.total
		);
		if ( all.fallback || ! category ) {
			continue;
		}
		const filtered = await gatewaySearch( {
			q: term,
			per_page: PER_PAGE,
			category: category.value,
		} );
		const second = await gatewaySearch( {
			q: term,
			per_page: PER_PAGE,
			category: category.value,
			page: 2,
		} );
		return {
			term,
			total: all.body.total,
			category,
			page1: all.body.results.map( ( result ) => result.title ),
			filteredPage1: filtered.body.results.map(
				( result ) => result.title
			),
			filteredPage2: second.body.results.map(
				( result ) => result.title
			),
		};
	}
	throw new Error(
		`None of ${ CANDIDATE_TERMS.join(
			', '
		) } has results in a category that needs two pages`
	);
}

async function expectState(
	block: Locator,
	page: Page,
	term: string,
	total: number,
	titles: string[],
	url: Record< string, string | null >
): Promise< void > {
	await expect(
		block.getByRole( 'heading', {
			level: 2,
			name: summaryName( term, total ),
		} )
	).toBeVisible();
	const list = block.getByRole( 'list', {
		name: summaryName( term, total ),
	} );
	await expect(
		list.getByRole( 'heading', { level: 3 } ).getByRole( 'link' )
	).toHaveText( titles );
	await expect( block.getByRole( 'searchbox' ) ).toHaveValue( term );
	const params = new URL( page.url() ).searchParams;
	for ( const [ name, value ] of Object.entries( url ) ) {
		expect( params.get( name ), `URL parameter ${ name }` ).toBe( value );
	}
}

test.describe( 'Visitor searching', () => {
	test.use( { storageState: { cookies: [], origins: [] } } );

	let searchPage: { id: number; link: string };

	test.beforeAll( async ( { requestUtils } ) => {
		await pointSiteAtSearchService( requestUtils );
		searchPage = await createSearchPage( requestUtils, 'Search (visitor)', {
			label: 'Search the archive',
			instant: true,
			perPage: PER_PAGE,
			facets: [ 'category', 'post_tag', 'type', 'date' ],
		} );
	} );

	test.afterAll( async ( { requestUtils } ) => {
		await requestUtils.rest( {
			method: 'DELETE',
			path: `/wp/v2/pages/${ searchPage.id }`,
			params: { force: true },
		} );
	} );

	test( 'types, filters by category, pages, then goes back and forward', async ( {
		page,
	} ) => {
		const plan = await planJourney();
		const { term, category } = plan;
		await page.goto( searchPage.link );
		const block = page.locator( '.wp-block-switchboard-search' );
		const box = block
			.getByRole( 'search' )
			.getByRole( 'searchbox', { name: 'Search the archive' } );
		await expect( box ).toBeVisible();
		// Survives only as long as the document does: still set at the end means no page load happened.
		await page.evaluate( () => {
			( window as unknown as { sameDocument: boolean } ).sameDocument =
				true;
		} );

		// Instant: typing alone brings the results, and the live region says how many.
		await box.pressSequentially( term, { delay: 60 } );
		await expect( box ).toBeFocused();
		await expectState( block, page, term, plan.total, plan.page1, {
			q: term,
			qcategory: null,
			qpage: null,
		} );
		await expect( block.getByRole( 'status' ) ).toHaveText(
			`${ plan.total } results`
		);

		// The category facet shows its count, and narrows the results to it.
		const checkbox = block
			.getByRole( 'group', { name: 'Category' } )
			.getByRole( 'checkbox', {
				name: `${ category.label } (${ category.count })`,
			} );
		await checkbox.check();
		await expectState(
			block,
			page,
			term,
			category.count,
			plan.filteredPage1,
			{ q: term, qcategory: category.value, qpage: null }
		);
		await expect( checkbox ).toBeChecked();
		await expect( block.getByRole( 'status' ) ).toHaveText(
			`${ category.count } results`
		);

		// Page 2 of the filtered results.
		await block
			.getByRole( 'navigation', { name: 'Search results pages' } )
			.getByRole( 'link', { name: 'Page 2', exact: true } )
			.click();
		await expectState(
			block,
			page,
			term,
			category.count,
			plan.filteredPage2,
			{ q: term, qcategory: category.value, qpage: '2' }
		);

		// Back: page 1 of the filtered results, then the unfiltered ones.
		await page.goBack();
		await expectState(
			block,
			page,
			term,
			category.count,
			plan.filteredPage1,
			{ q: term, qcategory: category.value, qpage: null }
		);
		await expect( checkbox ).toBeChecked();
		await page.goBack();
		await expectState( block, page, term, plan.total, plan.page1, {
			q: term,
			qcategory: null,
			qpage: null,
		} );
		await expect( checkbox ).not.toBeChecked();

		// Forward again: the filter, then page 2.
		await page.goForward();
		await expectState(
			block,
			page,
			term,
			category.count,
			plan.filteredPage1,
			{ q: term, qcategory: category.value, qpage: null }
		);
		await page.goForward();
		await expectState(
			block,
			page,
			term,
			category.count,
			plan.filteredPage2,
			{ q: term, qcategory: category.value, qpage: '2' }
		);

		expect(
			await page.evaluate(
				() =>
					( window as unknown as { sameDocument?: boolean } )
						.sameDocument
			)
		).toBe( true );
	} );
} );

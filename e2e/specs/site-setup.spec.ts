/**
 * The site a developer gets: Switchboard's plugin and theme active, and demo content worth browsing.
 */
import { test, expect } from '../support/test';
import { latestPosts, usedCategories } from '../support/content';

test.describe( 'Site set-up', () => {
	test( 'the Switchboard plugin and theme are active', async ( {
		requestUtils,
	} ) => {
		const plugins = await requestUtils.rest<
			Array< { plugin: string; status: string; version: string } >
		>( {
			path: '/wp/v2/plugins',
		} );
		const switchboard = plugins.find(
			( plugin ) => plugin.plugin === 'switchboard/switchboard'
		);
		expect( switchboard?.status ).toBe( 'active' );

		const themes = await requestUtils.rest<
			Array< { stylesheet: string } >
		>( {
			path: '/wp/v2/themes',
			params: { status: 'active' },
		} );
		expect( themes.map( ( theme ) => theme.stylesheet ) ).toEqual( [
			'switchboard-theme',
		] );
	} );

	test( 'demo content has posts across categories, with tags, authors, excerpts and images', async ( {
		requestUtils,
		request,
	} ) => {
		const response = await request.get(
			'/?rest_route=/wp/v2/posts&per_page=1'
		);
		expect( response.ok() ).toBe( true );
		expect(
			Number( response.headers()[ 'x-wp-total' ] )
		).toBeGreaterThanOrEqual( 40 );

		const categories = await usedCategories( requestUtils );
		expect( categories.length ).toBeGreaterThanOrEqual( 5 );

		const posts = await latestPosts( requestUtils, 40 );
		expect(
			new Set( posts.map( ( post ) => post.author ) ).size
		).toBeGreaterThanOrEqual( 3 );
		for ( const post of posts ) {
			expect(
				post.excerpt.raw.length,
				`excerpt of post ${ post.id }`
			).toBeGreaterThan( 40 );
			expect(
				post.tags.length,
				`tags of post ${ post.id }`
			).toBeGreaterThan( 0 );
			expect(
				post.featured_media,
				`featured image of post ${ post.id }`
			).toBeGreaterThan( 0 );
		}

		// Featured images are local files, never hotlinked.
		const media = await requestUtils.rest< {
			source_url: string;
			media_details: { width: number };
		} >( {
			path: `/wp/v2/media/${ posts[ 0 ].featured_media }`,
		} );
		expect( new URL( media.source_url ).origin ).toBe(
			new URL( posts[ 0 ].link ).origin
		);
		const image = await request.get( media.source_url );
		expect( image.ok() ).toBe( true );
		expect( image.headers()[ 'content-type' ] ).toMatch( /^image\// );
		expect( media.media_details.width ).toBeGreaterThanOrEqual( 800 );
	} );
} );

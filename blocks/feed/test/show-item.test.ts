/**
 * External dependencies
 */
import { describe, expect, it } from '@jest/globals';

/**
 * Internal dependencies
 */
import { showItem } from '../show-item';
import { item } from './fixtures';

/**
 * An item box as render.php prints it with every detail shown.
 *
 * @param media The image box's markup.
 * @return The `<li>`.
 */
function box(
	media = '<span class="wp-block-switchboard-feed__media"></span>'
): HTMLElement {
	const li = document.createElement( 'li' );
	li.innerHTML = `<article>${ media }
		<h3 class="wp-block-switchboard-feed__title" id="t-0"><a href="/old">Old</a></h3>
		<p class="wp-block-switchboard-feed__meta"><time class="wp-block-switchboard-feed__date" datetime="x">x</time>
		<span class="wp-block-switchboard-feed__author">By Old</span>
		<a class="wp-block-switchboard-feed__category" href="/c">Old category</a></p>
		<p class="wp-block-switchboard-feed__excerpt">Old excerpt</p>
		<p class="wp-block-switchboard-feed__reason">New</p></article>`;
	return li;
}

const text = ( li: HTMLElement, name: string ) =>
	li.querySelector( '.wp-block-switchboard-feed__' + name )?.textContent;

describe( 'showItem', () => {
	it( 'puts every shown field of the post into the box, as text', () => {
		const li = box();

		showItem(
			li,
			item( 7, {
				title: '<b>Bold</b> & brave',
				reason: 'Because you read News',
				category: '',
			} ),
			'By %s'
		);

		const link = li.querySelector( 'h3 a' ) as HTMLAnchorElement;
		expect( link.textContent ).toBe( '<b>Bold</b> & brave' );
		expect( link.getAttribute( 'href' ) ).toBe(
			'https://example.test/?p=7'
		);
		expect( li.querySelector( 'b' ) ).toBeNull();
		expect( li.querySelector( 'time' )?.getAttribute( 'datetime' ) ).toBe(
			'2024-01-02T03:04:05+00:00'
		);
		expect( text( li, 'date' ) ).toBe( 'January 2, 2024' );
		expect( text( li, 'author' ) ).toBe( 'By Author 7' );
		expect( text( li, 'excerpt' ) ).toBe( 'Excerpt 7' );
		expect( text( li, 'reason' ) ).toBe( 'Because you read News' );
		expect(
			(
				li.querySelector(
					'.wp-block-switchboard-feed__category'
				) as HTMLElement
			 ).hidden
		).toBe( true );
	} );

	it( 'swaps the image box: a link named by the title for an image without alt text, an empty box without image', () => {
		const li = box();

		showItem(
			li,
			item( 3, {
				image: {
					src: 'https://example.test/a-300x200.jpg',
					srcset: 'https://example.test/a-300x200.jpg 300w',
					sizes: '(max-width: 300px) 100vw, 300px',
					width: 300,
					height: 200,
					alt: '',
				},
			} ),
			'By %s'
		);
		const media = li.querySelector( '.wp-block-switchboard-feed__media' )!;
		const img = media.querySelector( 'img' )!;

		expect( media.tagName ).toBe( 'A' );
		expect( media.getAttribute( 'aria-labelledby' ) ).toBe( 't-0' );
		expect( img.getAttribute( 'src' ) ).toBe(
			'https://example.test/a-300x200.jpg'
		);
		expect( img.getAttribute( 'width' ) ).toBe( '300' );
		expect( img.getAttribute( 'height' ) ).toBe( '200' );
		expect( img.getAttribute( 'sizes' ) ).toBe(
			'(max-width: 300px) 100vw, 300px'
		);
		expect( img.alt ).toBe( '' );

		showItem( li, item( 4 ), 'By %s' );

		const empty = li.querySelector( '.wp-block-switchboard-feed__media' )!;
		expect( empty.tagName ).toBe( 'SPAN' );
		expect( empty.childElementCount ).toBe( 0 );
	} );

	it( 'leaves alone what the block does not show', () => {
		const li = document.createElement( 'li' );
		li.innerHTML =
			'<h3 class="wp-block-switchboard-feed__title" id="t"><a href="/">Old</a></h3>';

		showItem( li, item( 5 ), 'By %s' );

		expect( li.querySelectorAll( '*' ) ).toHaveLength( 2 );
		expect( li.textContent ).toBe( 'Post 5' );
	} );

	it( 'keeps the space of a box it has no post for', () => {
		const li = box();

		showItem( li, undefined, 'By %s' );
		expect( li.style.visibility ).toBe( 'hidden' );
		expect( text( li, 'excerpt' ) ).toBe( 'Old excerpt' );

		showItem( li, item( 1 ), 'By %s' );
		expect( li.style.visibility ).toBe( '' );
	} );
} );

/**
 * Internal dependencies
 */
import type { FeedItem } from '../shared/types/feed';

const PREFIX = '.wp-block-switchboard-feed__';

/**
 * Puts a post into an item box render.php printed, in place: only the elements the block shows exist, and
 * each keeps its size (fixed line clamps and image ratio in style.scss), so nothing around it moves.
 *
 * @param box  The item's `<li>`.
 * @param item The post.
 * @param by   The "By %s" author string.
 */
export function showItem(
	box: HTMLElement,
	item: FeedItem | undefined,
	by: string
): void {
	// Fewer posts than boxes (the page has run out): keep the box's space, empty.
	box.style.visibility = item ? '' : 'hidden';
	if ( ! item ) {
		return;
	}
	const find = < E extends HTMLElement >( name: string ) =>
		box.querySelector< E >( PREFIX + name );
	const title = find( 'title' )!;
	const link = title.querySelector( 'a' )!;
	link.href = item.url;
	link.textContent = item.title;

	const media = find( 'media' );
	if ( media ) {
		const image = item.image;
		const next = document.createElement( image ? 'a' : 'span' );
		next.className = media.className;
		if ( image ) {
			( next as HTMLAnchorElement ).href = item.url;
			if ( ! image.alt ) {
				next.setAttribute( 'aria-labelledby', title.id );
			}
			const img = document.createElement( 'img' );
			img.className = PREFIX.slice( 1 ) + 'image';
			img.alt = image.alt;
			img.width = image.width;
			img.height = image.height;
			img.decoding = 'async';
			if ( image.srcset ) {
				img.srcset = image.srcset;
				img.sizes = image.sizes;
			}
			img.src = image.src;
			next.append( img );
		}
		media.replaceWith( next );
	}

	const date = find< HTMLTimeElement >( 'date' );
	if ( date ) {
		date.dateTime = item.date_iso;
		date.textContent = item.date_display;
	}
	const author = find( 'author' );
	if ( author ) {
		author.textContent = by.replace( '%s', item.author );
	}
	const category = find< HTMLAnchorElement >( 'category' );
	if ( category ) {
		category.href = item.category_url;
		category.textContent = item.category;
		category.hidden = ! item.category;
	}
	for ( const name of [ 'excerpt', 'reason' ] as const ) {
		const element = find( name );
		if ( element ) {
			element.textContent = item[ name ];
		}
	}
}

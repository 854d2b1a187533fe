/**
 * The global popularity list: the posts with the highest popularity (decayed views and clicks plus the
 * comment prior), recomputed in the background when signals have changed it, never during a request. It is
 * both a candidate source (a popular post from any category can enter a feed) and the scale that makes
 * popularity a number between 0 and 1.
 */
import type { Catalogue } from './catalogue';
import type { Popularity } from './popularity';
import type { FeedPost } from './post';

/** What a comment is worth next to a view (comments are rarer and cost the reader more). */
export const COMMENT_WEIGHT = 2;

export interface TrendingOptions {
	/** Posts kept in the list. */
	size: number;
}

export class Trending {
	private top: readonly FeedPost[] = [];

	private highest = 0;

	/**
	 * @param catalogue  The catalogue.
	 * @param popularity Decayed counts.
	 * @param options    List size.
	 */
	constructor(
		private readonly catalogue: Catalogue,
		private readonly popularity: Popularity,
		private readonly options: TrendingOptions = { size: 200 }
	) {}

	/**
	 * `score` for many posts at one time (a feed request): the decay and the scale are computed once.
	 *
	 * @param at Time (ms).
	 */
	scorer( at: number ): ( post: FeedPost ) => number {
		const count = this.popularity.reader( at );
		const scale = this.highest > 0 ? 1 / Math.log1p( this.highest ) : 0;
		return ( post ) =>
			Math.min(
				1,
				Math.log1p(
					count( post.id ) + COMMENT_WEIGHT * post.commentCount
				) * scale
			);
	}

	/** The most popular posts at the last recomputation, most popular first. */
	list(): readonly FeedPost[] {
		return this.top;
	}

	/**
	 * Recomputes the list from every post: one multiplication and comparison per post, the few that beat the
	 * current last of the list inserted in order (a few milliseconds at 100,000 posts, off the request path).
	 *
	 * @param at Time (ms).
	 */
	recompute( at: number ): void {
		const count = this.popularity.reader( at );
		const size = this.options.size;
		const posts: FeedPost[] = [];
		const raws: number[] = [];
		for ( const post of this.catalogue.newest() ) {
			const raw = count( post.id ) + COMMENT_WEIGHT * post.commentCount;
			if (
				raw <= 0 ||
				( raws.length >= size && raw <= ( raws[ size - 1 ] as number ) )
			) {
				continue;
			}
			// Highest first; an equal raw goes after the ones already there (newer posts come first).
			let low = 0;
			let high = raws.length;
			while ( low < high ) {
				const middle = Math.floor( ( low + high ) / 2 );
				if ( ( raws[ middle ] as number ) >= raw ) {
					low = middle + 1;
				} else {
					high = middle;
				}
			}
			raws.splice( low, 0, raw );
			posts.splice( low, 0, post );
			if ( raws.length > size ) {
				raws.pop();
				posts.pop();
			}
		}
		this.top = posts;
		this.highest = raws[ 0 ] ?? 0;
	}
}

/**
 * The catalogue in memory: every post by id, the listed ones (LISTED_TYPES) newest first, and one posting list
 * per category, tag and author (newest first). A feed request reads a few hundred entries from the heads of these lists instead
 * of scanning every post, which is what keeps it within milliseconds at 100,000 posts.
 */
import type { FeedPost } from './post';

export type TermKind = 'category' | 'tag' | 'author';

export const TERM_KINDS: readonly TermKind[] = [ 'category', 'tag', 'author' ];

/**
 * Whether `a` comes before `b`: newer first, then the higher id (a stable order for equal dates).
 *
 * @param a A post.
 * @param b Another post.
 */
function before( a: FeedPost, b: FeedPost ): boolean {
	return a.date > b.date || ( a.date === b.date && a.id > b.id );
}

/**
 * Where a post goes in a newest-first list (the first position not before it).
 *
 * @param list Newest-first list.
 * @param post The post.
 */
function position( list: readonly FeedPost[], post: FeedPost ): number {
	let low = 0;
	let high = list.length;
	while ( low < high ) {
		const middle = Math.floor( ( low + high ) / 2 );
		if ( before( list[ middle ] as FeedPost, post ) ) {
			low = middle + 1;
		} else {
			high = middle;
		}
	}
	return low;
}

/**
 * Inserts a post into a newest-first list.
 *
 * @param list Newest-first list.
 * @param post The post.
 */
function insert( list: FeedPost[], post: FeedPost ): void {
	list.splice( position( list, post ), 0, post );
}

/**
 * Removes a post (by id, at its date) from a newest-first list.
 *
 * @param list Newest-first list.
 * @param post The post as it was inserted.
 */
function remove( list: FeedPost[], post: FeedPost ): void {
	const at = position( list, post );
	if ( list[ at ]?.id === post.id ) {
		list.splice( at, 1 );
	}
}

/**
 * The term ids of a kind a post belongs to.
 *
 * @param post The post.
 * @param kind Category, tag or author.
 */
export function termsOf( post: FeedPost, kind: TermKind ): readonly number[] {
	if ( kind === 'category' ) {
		return post.categories;
	}
	return kind === 'tag' ? post.tags : [ post.author ];
}

const EMPTY: readonly FeedPost[] = [];

/**
 * Content types a feed lists. The sync sends every public type it publishes (the search index wants pages
 * too), and each stays in the catalogue so the sync's manifest matches WordPress; only these are ranked.
 */
export const LISTED_TYPES: ReadonlySet< string > = new Set( [ 'post' ] );

/**
 * Whether a post may be listed.
 *
 * @param post The post.
 */
function listed( post: FeedPost ): boolean {
	return LISTED_TYPES.has( post.type );
}

export class Catalogue {
	private readonly byId = new Map< number, FeedPost >();

	private readonly newestFirst: FeedPost[] = [];

	private readonly lists: Record< TermKind, Map< number, FeedPost[] > > = {
		category: new Map(),
		tag: new Map(),
		author: new Map(),
	};

	/**
	 * A catalogue of these posts, built with one sort rather than one insertion each.
	 *
	 * @param posts Posts, in any order; a repeated id keeps the last one.
	 */
	static of( posts: Iterable< FeedPost > ): Catalogue {
		const catalogue = new Catalogue();
		for ( const post of posts ) {
			catalogue.byId.set( post.id, post );
		}
		const sorted = [ ...catalogue.byId.values() ].sort( ( a, b ) =>
			before( a, b ) ? -1 : 1
		);
		for ( const post of sorted.filter( listed ) ) {
			catalogue.newestFirst.push( post );
			for ( const kind of TERM_KINDS ) {
				for ( const term of termsOf( post, kind ) ) {
					let list = catalogue.lists[ kind ].get( term );
					if ( list === undefined ) {
						list = [];
						catalogue.lists[ kind ].set( term, list );
					}
					list.push( post );
				}
			}
		}
		return catalogue;
	}

	get size(): number {
		return this.byId.size;
	}

	/**
	 * @param id Post id.
	 */
	get( id: number ): FeedPost | undefined {
		return this.byId.get( id );
	}

	/** Every listed post, newest first. */
	newest(): readonly FeedPost[] {
		return this.newestFirst;
	}

	/**
	 * The posts of a term or author, newest first.
	 *
	 * @param kind Category, tag or author.
	 * @param term Term or author id.
	 */
	posting( kind: TermKind, term: number ): readonly FeedPost[] {
		return this.lists[ kind ].get( term ) ?? EMPTY;
	}

	/**
	 * Adds or replaces a post.
	 *
	 * @param post The post.
	 */
	put( post: FeedPost ): void {
		this.remove( post.id );
		this.byId.set( post.id, post );
		if ( ! listed( post ) ) {
			return;
		}
		insert( this.newestFirst, post );
		for ( const kind of TERM_KINDS ) {
			for ( const term of termsOf( post, kind ) ) {
				let list = this.lists[ kind ].get( term );
				if ( list === undefined ) {
					list = [];
					this.lists[ kind ].set( term, list );
				}
				insert( list, post );
			}
		}
	}

	/**
	 * Removes a post; false when it was not there.
	 *
	 * @param id Post id.
	 */
	remove( id: number ): boolean {
		const post = this.byId.get( id );
		if ( post === undefined ) {
			return false;
		}
		this.byId.delete( id );
		remove( this.newestFirst, post );
		for ( const kind of TERM_KINDS ) {
			for ( const term of termsOf( post, kind ) ) {
				const list = this.lists[ kind ].get( term );
				if ( list !== undefined ) {
					remove( list, post );
					if ( list.length === 0 ) {
						this.lists[ kind ].delete( term );
					}
				}
			}
		}
		return true;
	}
}

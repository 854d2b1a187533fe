/**
 * Candidate generation: the few hundred posts worth scoring for one slot, taken from the heads of posting
 * lists (the reader's strongest categories, tags and authors; the slot's own categories or tags), the global
 * popularity list and the newest posts. Only when these leave too few posts in scope (a narrow scope with
 * many exclusions) are the lists walked further.
 */
import type { Catalogue, TermKind } from './catalogue';
import type { FeedPost } from './post';
import { strongest, type Taste } from './ranking';
import type { Trending } from './trending';

/** What a slot (or the public list) may show. Within a list ids are alternatives; lists combine. */
export interface Scope {
	category: readonly number[];
	excludeCategory: readonly number[];
	tag: readonly number[];
	excludeTag: readonly number[];
}

export const OPEN_SCOPE: Scope = {
	category: [],
	excludeCategory: [],
	tag: [],
	excludeTag: [],
};

/** Posts taken from the head of each list, per source. */
const HEAD = { affinity: 50, scope: 300, newest: 150 };

/** Strongest terms of each kind that bring candidates. */
const STRONGEST: Record< TermKind, number > = {
	category: 4,
	tag: 6,
	author: 3,
};

/**
 * Whether any of the ids is in the list.
 *
 * @param ids  Post's term ids.
 * @param list Scope's ids.
 */
const any = ( ids: readonly number[], list: readonly number[] ): boolean =>
	ids.some( ( id ) => list.includes( id ) );

/**
 * Whether a post is in a scope.
 *
 * @param post  The post.
 * @param scope The scope.
 */
export function inScope( post: FeedPost, scope: Scope ): boolean {
	return (
		( scope.category.length === 0 ||
			any( post.categories, scope.category ) ) &&
		( scope.tag.length === 0 || any( post.tags, scope.tag ) ) &&
		! any( post.categories, scope.excludeCategory ) &&
		! any( post.tags, scope.excludeTag )
	);
}

export interface CandidateSources {
	catalogue: Catalogue;
	trending: Trending;
	/** The reader's taste; null for the non-personalized ranking. */
	taste: Taste | null;
}

/**
 * The candidates of a slot.
 *
 * @param sources Catalogue, popularity list and taste.
 * @param scope   What the slot may show.
 * @param blocked Whether a post may not be shown (read, excluded, the context, already in a slot).
 * @param want    Posts the slot needs.
 */
export function gatherCandidates(
	sources: CandidateSources,
	scope: Scope,
	blocked: ( id: number ) => boolean,
	want: number
): FeedPost[] {
	const { catalogue, trending, taste } = sources;
	const seen = new Set< number >();
	const found: FeedPost[] = [];
	const take = ( list: readonly FeedPost[], limit: number ) => {
		const end = Math.min( list.length, limit );
		for ( let index = 0; index < end; index++ ) {
			const post = list[ index ] as FeedPost;
			if ( seen.has( post.id ) ) {
				continue;
			}
			seen.add( post.id );
			if ( ! blocked( post.id ) && inScope( post, scope ) ) {
				found.push( post );
			}
		}
	};

	// A scoped slot draws from its own lists: the global heads may hold none of its posts.
	let scoped: readonly FeedPost[][] = [];
	if ( scope.category.length > 0 ) {
		scoped = scope.category.map(
			( id ) => catalogue.posting( 'category', id ) as FeedPost[]
		);
	} else if ( scope.tag.length > 0 ) {
		scoped = scope.tag.map(
			( id ) => catalogue.posting( 'tag', id ) as FeedPost[]
		);
	}
	for ( const list of scoped ) {
		take( list, HEAD.scope );
	}
	if ( taste !== null ) {
		for ( const kind of Object.keys( STRONGEST ) as TermKind[] ) {
			for ( const term of strongest( taste, kind, STRONGEST[ kind ] ) ) {
				take( catalogue.posting( kind, term ), HEAD.affinity );
			}
		}
	}
	take( trending.list(), Infinity );
	take( catalogue.newest(), HEAD.newest );

	if ( found.length < want ) {
		const rest = scoped.length > 0 ? scoped : [ catalogue.newest() ];
		for ( const list of rest ) {
			take( list, Infinity );
		}
	}
	return found;
}

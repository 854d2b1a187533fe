/**
 * Fills a feed's slots in order: pinned posts first, then the best-ranked candidates after diversity
 * re-ranking, never a blocked post (the context, the excluded, the read) and never a post twice across slots.
 */
import type { Catalogue } from './catalogue';
import type { FeedPost } from './post';
import { gatherCandidates, inScope, type Scope } from './candidates';
import {
	diversify,
	NON_PERSONAL_WEIGHTS,
	scorePost,
	sortScored,
	type DiversityOptions,
	type Reason,
	type Scored,
	type Taste,
	type Weights,
} from './ranking';
import type { Trending } from './trending';

export interface Slot extends Scope {
	count: number;
	/** Editor's picks, shown first when they are in the catalogue. */
	pinned: readonly number[];
}

export interface RankingSettings {
	/** Weights of the personalized ranking. */
	weights: Weights;
	recencyHalfLifeMs: number;
	diversity: DiversityOptions;
}

export interface FeedItem {
	id: number;
	reason: Reason;
}

export interface RecommendInput {
	catalogue: Catalogue;
	trending: Trending;
	settings: RankingSettings;
	now: number;
	/** The reader's taste; null for the non-personalized ranking. */
	taste: Taste | null;
	/** Posts never to list. */
	blocked: ReadonlySet< number >;
	slots: readonly Slot[];
}

/**
 * The items of each slot.
 *
 * @param input Catalogue, ranking, reader and slots.
 */
export function recommend( input: RecommendInput ): FeedItem[][] {
	const { catalogue, trending, settings, now, taste, blocked } = input;
	const used = new Set< number >();
	const isBlocked = ( id: number ) => blocked.has( id ) || used.has( id );
	const scorer = {
		weights: taste === null ? NON_PERSONAL_WEIGHTS : settings.weights,
		now,
		recencyHalfLifeMs: settings.recencyHalfLifeMs,
		popularity: trending.scorer( now ),
		taste,
	};
	// Slots share most candidates: each post is scored once per request.
	const scores = new Map< number, Scored >();
	const scoreOf = ( post: FeedPost ): Scored => {
		let scored = scores.get( post.id );
		if ( scored === undefined ) {
			scored = scorePost( post, scorer );
			scores.set( post.id, scored );
		}
		return scored;
	};

	return input.slots.map( ( slot ) => {
		const items: FeedItem[] = [];
		for ( const id of slot.pinned ) {
			if (
				items.length < slot.count &&
				! isBlocked( id ) &&
				catalogue.get( id ) !== undefined
			) {
				items.push( { id, reason: { kind: 'pinned' } } );
				used.add( id );
			}
		}
		const want = slot.count - items.length;
		if ( want > 0 ) {
			const scored = sortScored(
				gatherCandidates(
					{ catalogue, trending, taste },
					slot,
					isBlocked,
					want
				).map( scoreOf )
			);
			for ( const entry of diversify(
				scored,
				want,
				settings.diversity
			) ) {
				items.push( { id: entry.post.id, reason: entry.reason } );
				used.add( entry.post.id );
			}
		}
		return items;
	} );
}

/**
 * The newest posts in scope, for the public list's `order=recent`.
 *
 * @param catalogue The catalogue.
 * @param scope     What may be shown.
 * @param blocked   Posts never to list.
 * @param count     How many.
 */
export function newestInScope(
	catalogue: Catalogue,
	scope: Scope,
	blocked: ReadonlySet< number >,
	count: number
): FeedItem[] {
	const items: FeedItem[] = [];
	// A scoped list reads its own posting lists, never the whole catalogue. Several lists: collect the head
	// of each, then order them all.
	let lists: ( readonly FeedPost[] )[] = [ catalogue.newest() ];
	if ( scope.category.length > 0 ) {
		lists = scope.category.map( ( id ) =>
			catalogue.posting( 'category', id )
		);
	} else if ( scope.tag.length > 0 ) {
		lists = scope.tag.map( ( id ) => catalogue.posting( 'tag', id ) );
	}
	const seen = new Set< number >();
	const posts: FeedPost[] = [];
	for ( const list of lists ) {
		let kept = 0;
		for ( const post of list ) {
			if ( kept >= count ) {
				break;
			}
			if ( seen.has( post.id ) || blocked.has( post.id ) ) {
				continue;
			}
			seen.add( post.id );
			if ( inScope( post, scope ) ) {
				posts.push( post );
				kept++;
			}
		}
	}
	posts.sort( ( a, b ) => b.date - a.date || b.id - a.id );
	for ( const post of posts.slice( 0, count ) ) {
		items.push( { id: post.id, reason: { kind: 'recent' } } );
	}
	return items;
}

/**
 * Ranking, pure: a post's score for a reader, the reason shown with it, and the diversity re-ranking of a
 * slot. score = w_aff·affinity + w_pop·popularity + w_rec·recency, each part between 0 and 1:
 * - affinity: how much the reader read the post's categories (½), tags (0.3) and author (0.2), each
 *   normalised by the reader's strongest term of that kind, taking the post's strongest term of each kind;
 * - popularity: decayed views and clicks plus the comment prior, log-scaled (see Trending);
 * - recency: 2^(−age / half-life).
 * Without a reader profile (cold start, holdout, the public list) only popularity and recency count.
 */
import type { FeedPost } from './post';
import type { TermKind } from './catalogue';

export interface Weights {
	affinity: number;
	popularity: number;
	recency: number;
}

export type AffinityKind = TermKind;

export type Reason =
	| { kind: 'pinned' }
	| { kind: AffinityKind; id: number }
	| { kind: 'popular' }
	| { kind: 'recent' };

/** A reader's raw affinities: reads (and clicks) per category, tag and author. */
export type Affinities = Record< AffinityKind, Map< number, number > >;

/** Affinities divided by the strongest of their kind, so each lies between 0 and 1. */
export type Taste = Record< AffinityKind, Map< number, number > >;

/** How much each kind of term counts within the affinity part. */
export const KIND_WEIGHTS: Record< AffinityKind, number > = {
	category: 0.5,
	tag: 0.3,
	author: 0.2,
};

/** The weights of the non-personalized ranking (cold start, holdout, the public list). */
export const NON_PERSONAL_WEIGHTS: Weights = {
	affinity: 0,
	popularity: 0.6,
	recency: 0.4,
};

/**
 * Empty affinities.
 */
export function emptyAffinities(): Affinities {
	return { category: new Map(), tag: new Map(), author: new Map() };
}

/**
 * Each kind's weights divided by its largest one.
 *
 * @param affinities Raw weights.
 */
export function tasteOf( affinities: Affinities ): Taste {
	const taste = emptyAffinities();
	for ( const kind of Object.keys( KIND_WEIGHTS ) as AffinityKind[] ) {
		let highest = 0;
		for ( const weight of affinities[ kind ].values() ) {
			highest = Math.max( highest, weight );
		}
		if ( highest <= 0 ) {
			continue;
		}
		for ( const [ term, weight ] of affinities[ kind ] ) {
			if ( weight > 0 ) {
				taste[ kind ].set( term, weight / highest );
			}
		}
	}
	return taste;
}

/**
 * A kind's strongest terms, strongest first: where personal candidates come from.
 *
 * @param taste Normalised affinities.
 * @param kind  Category, tag or author.
 * @param limit How many.
 */
export function strongest(
	taste: Taste,
	kind: AffinityKind,
	limit: number
): number[] {
	return [ ...taste[ kind ] ]
		.sort( ( a, b ) => b[ 1 ] - a[ 1 ] || a[ 0 ] - b[ 0 ] )
		.slice( 0, limit )
		.map( ( [ term ] ) => term );
}

export interface Scorer {
	weights: Weights;
	/** Time (ms) the recency is measured from. */
	now: number;
	recencyHalfLifeMs: number;
	/** Popularity between 0 and 1. */
	popularity: ( post: FeedPost ) => number;
	/** The reader's taste; null for the non-personalized ranking. */
	taste: Taste | null;
}

export interface Scored {
	post: FeedPost;
	score: number;
	reason: Reason;
}

const POPULAR: Reason = Object.freeze( { kind: 'popular' } );
const RECENT: Reason = Object.freeze( { kind: 'recent' } );

/**
 * The post's strongest value among some terms for the reader, with its term (0 when none).
 *
 * @param terms  The post's term ids of one kind.
 * @param values The reader's normalised affinities of that kind.
 */
function bestOf(
	terms: readonly number[],
	values: ReadonlyMap< number, number >
): [ number, number ] {
	let id = 0;
	let best = 0;
	for ( let index = 0; index < terms.length; index++ ) {
		const term = terms[ index ] as number;
		const value = values.get( term );
		if ( value !== undefined && value > best ) {
			best = value;
			id = term;
		}
	}
	return [ id, best ];
}

/**
 * A post's score and reason for a reader (or for nobody, when the scorer has no taste). Called for every
 * candidate of a request, so it allocates nothing but its answer.
 *
 * @param post   The post.
 * @param scorer Weights, time, popularity and taste.
 */
export function scorePost( post: FeedPost, scorer: Scorer ): Scored {
	const { weights, taste } = scorer;
	const age = Math.max( 0, scorer.now - post.date );
	const recency = weights.recency * 2 ** ( -age / scorer.recencyHalfLifeMs );
	const popularity = weights.popularity * scorer.popularity( post );
	let reason = popularity >= recency ? POPULAR : RECENT;
	if ( taste === null || weights.affinity <= 0 ) {
		return { post, score: popularity + recency, reason };
	}
	const [ category, categoryValue ] = bestOf(
		post.categories,
		taste.category
	);
	const [ tag, tagValue ] = bestOf( post.tags, taste.tag );
	const authorValue = taste.author.get( post.author ) ?? 0;
	const parts = [
		KIND_WEIGHTS.category * categoryValue,
		KIND_WEIGHTS.tag * tagValue,
		KIND_WEIGHTS.author * authorValue,
	] as const;
	const affinity =
		weights.affinity * ( parts[ 0 ] + parts[ 1 ] + parts[ 2 ] );
	// "Because you read …" when the reader's taste is a real part of why the post is here: at least half
	// of what popularity or recency alone gave it.
	if ( affinity > 0 && affinity >= 0.5 * Math.max( popularity, recency ) ) {
		if ( parts[ 0 ] >= parts[ 1 ] && parts[ 0 ] >= parts[ 2 ] ) {
			reason = { kind: 'category', id: category };
		} else if ( parts[ 1 ] >= parts[ 2 ] ) {
			reason = { kind: 'tag', id: tag };
		} else {
			reason = { kind: 'author', id: post.author };
		}
	}
	return { post, score: affinity + popularity + recency, reason };
}

/**
 * Orders scored posts best first (ties: newer, then higher id), in place.
 *
 * @param scored Scored posts.
 */
export function sortScored( scored: Scored[] ): Scored[] {
	return scored.sort(
		( a, b ) =>
			b.score - a.score ||
			b.post.date - a.post.date ||
			b.post.id - a.post.id
	);
}

export interface DiversityOptions {
	/** Largest share of a slot one (primary) category may take while other posts are available. */
	maxShare: number;
	/** Subtracted from a post's score for each post of its category already picked. */
	penalty: number;
}

export const DEFAULT_DIVERSITY: DiversityOptions = {
	maxShare: 0.5,
	penalty: 0.05,
};

/**
 * Greedy re-ranking: repeatedly takes the best post after a penalty for each earlier pick of its primary
 * category, skipping a category that already has its share; when only over-share posts remain (a slot
 * limited to one category), they fill the rest in score order.
 *
 * @param sorted  Scored posts, best first.
 * @param count   Posts wanted.
 * @param options Share cap and penalty.
 */
export function diversify(
	sorted: readonly Scored[],
	count: number,
	options: DiversityOptions = DEFAULT_DIVERSITY
): Scored[] {
	const cap = Math.max( 1, Math.ceil( count * options.maxShare ) );
	const picked: Scored[] = [];
	const taken = new Set< number >();
	const perCategory = new Map< number, number >();
	while ( picked.length < count ) {
		let best: Scored | null = null;
		let bestScore = -Infinity;
		for ( const entry of sorted ) {
			// Sorted best first and penalties only lower a score: nothing further down can win.
			if ( best !== null && entry.score <= bestScore ) {
				break;
			}
			if ( taken.has( entry.post.id ) ) {
				continue;
			}
			const category = entry.post.categories[ 0 ];
			const already =
				category === undefined
					? 0
					: ( perCategory.get( category ) ?? 0 );
			if ( already >= cap ) {
				continue;
			}
			const adjusted = entry.score - options.penalty * already;
			if ( adjusted > bestScore ) {
				best = entry;
				bestScore = adjusted;
			}
		}
		if ( best === null ) {
			break;
		}
		picked.push( best );
		taken.add( best.post.id );
		const category = best.post.categories[ 0 ];
		if ( category !== undefined ) {
			perCategory.set(
				category,
				( perCategory.get( category ) ?? 0 ) + 1
			);
		}
	}
	for ( const entry of sorted ) {
		if ( picked.length >= count ) {
			break;
		}
		if ( ! taken.has( entry.post.id ) ) {
			picked.push( entry );
			taken.add( entry.post.id );
		}
	}
	return picked;
}

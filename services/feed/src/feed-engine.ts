/**
 * The feed's core, with no HTTP in it: the catalogue (in memory, durable in SQLite), popularity, reader
 * profiles, and the operations the routes call. Every write goes to SQLite in one transaction before the
 * in-memory copy changes, so a restart loads exactly what was acknowledged.
 */
import { randomBytes } from 'node:crypto';

import { Catalogue, TERM_KINDS, termsOf } from './catalogue';
import { CatalogueStore, type ManifestEntry } from './catalogue-store';
import type { FeedSettings } from './config';
import type { Change, EventPlan } from './content-events';
import { openDb, type Db } from './db';
import { isHeldOut } from './holdout';
import { Popularity } from './popularity';
import type { FeedPost } from './post';
import type { ProfileKeys } from './profile-key';
import {
	MODES,
	ProfileStore,
	type Mode,
	type ModeCounts,
	type ProfileExport,
	type PruneResult,
	type SignalType,
	type StoredProfile,
} from './profile-store';
import {
	DEFAULT_DIVERSITY,
	tasteOf,
	type Affinities,
	type Taste,
} from './ranking';
import { RateLimiter, type RateDecision } from './rate-limit';
import {
	newestInScope,
	recommend,
	type FeedItem,
	type RankingSettings,
	type Slot,
} from './recommend';
import type { Scope } from './candidates';
import { Trending } from './trending';

/** Served feeds are kept this long for attribution. */
export const SERVED_TTL_MS = 86_400_000;

/** Content event ids are remembered this long to recognise redeliveries. */
const PROCESSED_TTL_MS = 30 * 86_400_000;

/** What a signal is worth to the post's popularity. */
const POPULARITY: Record< SignalType, number > = {
	impression: 0,
	view: 1,
	click: 3,
};

/** What a signal adds to the reader's affinity for the post's terms, and to the profile's history. */
const AFFINITY: Record< SignalType, number > = {
	impression: 0,
	view: 1,
	click: 1,
};

export interface FeedRequest {
	context?: number;
	exclude: readonly number[];
	slots: readonly Slot[];
}

export interface FeedAnswer {
	request_id: string;
	mode: Mode;
	slots: { items: FeedItem[] }[];
}

export interface PublicQuery extends Scope {
	perPage: number;
	exclude: readonly number[];
	order: 'popular' | 'recent';
}

export interface Signal {
	type: SignalType;
	post: number;
	feed?: string;
	position?: number;
}

export interface Stats {
	catalogue: number;
	profiles: number;
	events: number;
	holdout_share: number;
	modes: Record< Mode, ModeCounts & { ctr: number | null } >;
	lift: number | null;
}

export interface EngineOptions {
	dataDir: string;
	settings: FeedSettings;
	/** The clock (ms); tests move it. */
	now: () => number;
}

/**
 * A fresh feed request id: `f_` and 16 random bytes in base64url.
 */
export function newRequestId(): string {
	return `f_${ randomBytes( 16 ).toString( 'base64url' ) }`;
}

export class FeedEngine {
	readonly catalogue: Catalogue;

	private readonly popularity: Popularity;

	private readonly trending: Trending;

	private readonly limiter: RateLimiter;

	private readonly ranking: RankingSettings;

	/** Whether signals or content changed popularity since the list was recomputed. */
	private stale = false;

	private constructor(
		private readonly db: Db,
		private readonly posts: CatalogueStore,
		private readonly profiles: ProfileStore,
		private readonly options: EngineOptions
	) {
		const now = options.now();
		this.catalogue = Catalogue.of( posts.posts() );
		this.popularity = new Popularity(
			options.settings.popularityHalfLifeMs,
			now
		);
		for ( const row of posts.popularity() ) {
			this.popularity.load( row.post, row.value, row.at );
		}
		this.trending = new Trending( this.catalogue, this.popularity );
		this.trending.recompute( now );
		this.limiter = new RateLimiter( options.settings.ratePerMinute );
		this.ranking = {
			weights: options.settings.weights,
			recencyHalfLifeMs: options.settings.recencyHalfLifeMs,
			diversity: DEFAULT_DIVERSITY,
		};
	}

	/**
	 * Opens the database in the data folder and loads the catalogue and popularity into memory.
	 *
	 * @param options Data folder, settings and clock.
	 */
	static open( options: EngineOptions ): FeedEngine {
		const db = openDb( options.dataDir );
		return new FeedEngine(
			db,
			new CatalogueStore( db ),
			new ProfileStore( db ),
			options
		);
	}

	/** Posts in the catalogue. */
	get size(): number {
		return this.catalogue.size;
	}

	/**
	 * Applies catalogue changes: durable first, then in memory.
	 *
	 * @param changes The changes.
	 */
	private write( changes: readonly Change[] ): void {
		for ( const change of changes ) {
			if ( change.op === 'put' ) {
				this.posts.put( change.post );
			} else {
				this.posts.remove( change.id );
			}
		}
	}

	/**
	 * The in-memory side of written changes.
	 *
	 * @param changes The changes.
	 */
	private remember( changes: readonly Change[] ): void {
		for ( const change of changes ) {
			if ( change.op === 'put' ) {
				this.catalogue.put( change.post );
			} else {
				this.catalogue.remove( change.id );
				this.popularity.delete( change.id );
			}
		}
		if ( changes.length > 0 ) {
			this.stale = true;
		}
	}

	/**
	 * Applies a content event once; false when its id was already applied.
	 *
	 * @param id   Event id.
	 * @param plan What it changes.
	 */
	applyEvent(
		id: string,
		plan: Extract< EventPlan, { kind: 'apply' } >[ 'plan' ]
	): boolean {
		const changes = plan( this.catalogue );
		const applied = this.posts.transaction( () => {
			if ( ! this.posts.markProcessed( id, this.options.now() ) ) {
				return false;
			}
			this.write( changes );
			return true;
		} );
		if ( applied ) {
			this.remember( changes );
		}
		return applied;
	}

	/**
	 * Upserts a sync batch; a post older (by `modified`) than the one held is skipped.
	 *
	 * @param incoming Posts, in batch order.
	 */
	upsert( incoming: readonly FeedPost[] ): {
		indexed: number;
		skipped: number;
	} {
		const planned = new Map< number, FeedPost >();
		let skipped = 0;
		for ( const post of incoming ) {
			const current =
				planned.get( post.id ) ?? this.catalogue.get( post.id );
			if ( current !== undefined && current.modified > post.modified ) {
				skipped++;
				continue;
			}
			if ( planned.has( post.id ) ) {
				skipped++;
			}
			planned.set( post.id, post );
		}
		const changes: Change[] = [ ...planned.values() ].map( ( post ) => ( {
			op: 'put',
			post,
		} ) );
		this.posts.transaction( () => this.write( changes ) );
		this.remember( changes );
		return { indexed: changes.length, skipped };
	}

	/**
	 * Removes posts; returns how many were held.
	 *
	 * @param ids Post ids.
	 */
	removeIds( ids: readonly number[] ): number {
		const changes: Change[] = [ ...new Set( ids ) ]
			.filter( ( id ) => this.catalogue.get( id ) !== undefined )
			.map( ( id ) => ( { op: 'remove', id } ) );
		this.posts.transaction( () => this.write( changes ) );
		this.remember( changes );
		return changes.length;
	}

	/**
	 * A page of the manifest.
	 *
	 * @param after Last id of the previous page.
	 * @param limit Page size.
	 */
	manifest(
		after: number,
		limit: number
	): { documents: ManifestEntry[]; next: number | null; total: number } {
		const page = this.posts.manifest( after, limit + 1 );
		const documents = page.slice( 0, limit );
		return {
			documents,
			next:
				page.length > limit
					? ( documents[ documents.length - 1 ] as ManifestEntry ).id
					: null,
			total: this.catalogue.size,
		};
	}

	/**
	 * The ranking a profile gets.
	 *
	 * @param key     Profile key, or null.
	 * @param profile The profile, or null.
	 */
	private modeOf( key: string | null, profile: StoredProfile | null ): Mode {
		if (
			key === null ||
			profile === null ||
			profile.history < this.options.settings.minHistory
		) {
			return 'cold';
		}
		return isHeldOut( key, this.options.settings.holdoutShare )
			? 'holdout'
			: 'personalized';
	}

	/**
	 * Merges the anonymous profile into the user's when both are known (once: the anonymous one is gone after).
	 *
	 * @param keys The request's keys.
	 */
	private mergeKeys( keys: ProfileKeys ): void {
		if ( keys.key !== null && keys.mergeFrom !== null ) {
			this.profiles.merge( keys.mergeFrom, keys.key );
		}
	}

	/**
	 * Ranks the slots for a taste (null: the non-personalized ranking).
	 *
	 * @param request What to list and what never to list.
	 * @param taste   The reader's taste, or null.
	 * @param read    Posts the reader read.
	 */
	private rank(
		request: FeedRequest,
		taste: Taste | null,
		read: ReadonlySet< number >
	): { items: FeedItem[] }[] {
		const blocked = new Set< number >( read );
		for ( const id of request.exclude ) {
			blocked.add( id );
		}
		if ( request.context !== undefined ) {
			blocked.add( request.context );
		}
		return recommend( {
			catalogue: this.catalogue,
			trending: this.trending,
			settings: this.ranking,
			now: this.options.now(),
			taste,
			blocked,
			slots: request.slots,
		} ).map( ( items ) => ( { items } ) );
	}

	/**
	 * `POST /v1/feed/personal`: reads the profile (merging an anonymous one on login), never creates one.
	 *
	 * @param keys    The request's profile keys.
	 * @param request Slots and exclusions.
	 */
	personal( keys: ProfileKeys, request: FeedRequest ): FeedAnswer {
		this.mergeKeys( keys );
		const profile =
			keys.key === null ? null : this.profiles.load( keys.key );
		const mode = this.modeOf( keys.key, profile );
		const slots = this.rank(
			request,
			mode === 'personalized' && profile !== null
				? tasteOf( profile.affinities )
				: null,
			profile?.read ?? new Set()
		);
		const requestId = newRequestId();
		this.profiles.serve( requestId, keys.key, mode, this.options.now() );
		return { request_id: requestId, mode, slots };
	}

	/**
	 * `POST /v1/feed/preview`: the ranking for a sample reader's affinities. Stores nothing.
	 *
	 * @param affinities The sample reader's reads per term.
	 * @param request    Slots and exclusions.
	 */
	preview( affinities: Affinities, request: FeedRequest ): FeedAnswer {
		return {
			request_id: newRequestId(),
			mode: 'personalized',
			slots: this.rank( request, tasteOf( affinities ), new Set() ),
		};
	}

	/**
	 * `GET /v1/feed`: the non-personalized list.
	 *
	 * @param query Scope, size and order.
	 */
	publicFeed( query: PublicQuery ): {
		items: FeedItem[];
		request_id: string;
	} {
		const blocked = new Set( query.exclude );
		const items =
			query.order === 'recent'
				? newestInScope( this.catalogue, query, blocked, query.perPage )
				: ( this.rank(
						{
							exclude: query.exclude,
							slots: [
								{ ...query, count: query.perPage, pinned: [] },
							],
						},
						null,
						new Set()
					)[ 0 ]?.items ?? [] );
		return { items, request_id: newRequestId() };
	}

	/**
	 * Whether a profile may send this many signals now.
	 *
	 * @param key   Profile key.
	 * @param count Signals in the request.
	 */
	allowSignals( key: string, count: number ): RateDecision {
		return this.limiter.take( key, count, this.options.now() );
	}

	/**
	 * `POST /v1/signals`: records a batch in one transaction; returns how many were accepted.
	 *
	 * @param keys    The request's profile keys (`key` is not null).
	 * @param signals The events.
	 */
	record(
		keys: ProfileKeys & { key: string },
		signals: readonly Signal[]
	): number {
		this.mergeKeys( keys );
		const key = keys.key;
		const now = this.options.now();
		const popular = new Map< number, number >();
		this.profiles.transaction( () => {
			this.profiles.ensure( key, now );
			let history = 0;
			for ( const signal of signals ) {
				const post = this.catalogue.get( signal.post );
				this.profiles.addEvent(
					key,
					signal.type,
					signal.post,
					signal.feed ?? null,
					signal.position ?? null,
					now
				);
				if ( signal.type === 'view' ) {
					this.profiles.addRead( key, signal.post, now );
				}
				const weight = AFFINITY[ signal.type ];
				if ( post !== undefined && weight > 0 ) {
					history += weight;
					for ( const kind of TERM_KINDS ) {
						for ( const term of termsOf( post, kind ) ) {
							this.profiles.addAffinity(
								key,
								kind,
								term,
								weight
							);
						}
					}
				}
				if ( post !== undefined && POPULARITY[ signal.type ] > 0 ) {
					popular.set(
						post.id,
						( popular.get( post.id ) ?? 0 ) +
							POPULARITY[ signal.type ]
					);
				}
				if ( signal.feed !== undefined && signal.type !== 'view' ) {
					const served = this.profiles.served( signal.feed );
					// Only the profile a feed was served to can count its impressions and clicks.
					if (
						served !== null &&
						( served.key === null || served.key === key )
					) {
						this.profiles.attribute(
							signal.feed,
							served.mode,
							signal.post,
							signal.type
						);
					}
				}
			}
			this.profiles.touch( key, now, history );
			const cap = this.options.settings.maxEventsPerProfile;
			this.profiles.cap( key, cap, cap );
			// Counted in memory as they are written: should the commit fail (a full disk), memory is a few views
			// ahead of the disk until the next restart, which only nudges the ranking.
			for ( const [ id, amount ] of popular ) {
				this.posts.savePopularity(
					id,
					this.popularity.add( id, amount, now ),
					now
				);
			}
		} );
		if ( popular.size > 0 ) {
			this.stale = true;
		}
		return signals.length;
	}

	/**
	 * A privacy export, with the mode the profile gets; null when there is no profile.
	 *
	 * @param key Profile key.
	 */
	exportProfile( key: string ): ( ProfileExport & { mode: Mode } ) | null {
		const exported = this.profiles.export( key );
		if ( exported === null ) {
			return null;
		}
		return {
			...exported,
			mode: this.modeOf( key, this.profiles.load( key ) ),
		};
	}

	/**
	 * Erases everything a profile owns; false when there was nothing.
	 *
	 * @param key Profile key.
	 */
	erase( key: string ): boolean {
		return this.profiles.erase( key );
	}

	/** Counts for the admin, with each mode's click-through rate and the lift. */
	stats(): Stats {
		const counts = this.profiles.modeCounts();
		const modes = {} as Stats[ 'modes' ];
		for ( const mode of MODES ) {
			const { impressions, clicks } = counts[ mode ];
			modes[ mode ] = {
				impressions,
				clicks,
				ctr: impressions > 0 ? clicks / impressions : null,
			};
		}
		const personalized = modes.personalized.ctr;
		const holdout = modes.holdout.ctr;
		return {
			catalogue: this.catalogue.size,
			...this.profiles.sizes(),
			holdout_share: this.options.settings.holdoutShare,
			modes,
			lift:
				personalized !== null && holdout !== null && holdout > 0
					? personalized / holdout - 1
					: null,
		};
	}

	/** Deletes what retention no longer allows (events, idle profiles, old served feeds, old event ids). */
	prune(): PruneResult {
		this.profiles.flushServed();
		const now = this.options.now();
		const result = this.profiles.prune(
			now - this.options.settings.retentionMs,
			now - SERVED_TTL_MS
		);
		this.posts.pruneProcessed( now - PROCESSED_TTL_MS );
		return result;
	}

	/** Recomputes the popularity list when signals or content changed it. */
	refreshTrending(): void {
		if ( this.stale ) {
			this.stale = false;
			this.trending.recompute( this.options.now() );
		}
	}

	/** The background work between requests: the served feeds that wait, and the popularity list. */
	tick(): void {
		this.profiles.flushServed();
		this.refreshTrending();
	}

	/** Writes what waits and closes the database. */
	close(): void {
		this.profiles.flushServed();
		this.db.close();
	}
}

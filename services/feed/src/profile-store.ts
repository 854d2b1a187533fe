/**
 * Reader profiles in SQLite: the profile row (created, updated, history), its affinities per category, tag
 * and author, the posts it read, its bounded event log, and the served feeds (request id → profile and mode,
 * kept a day) that clicks and impressions are attributed to. Everything a profile owns is found by its key,
 * so export, erasure and the merge of an anonymous profile into a user's are a handful of statements.
 */
import type { Db } from './db';
import { emptyAffinities, type AffinityKind, type Affinities } from './ranking';

export type SignalType = 'impression' | 'view' | 'click';

export type Mode = 'personalized' | 'holdout' | 'cold';

export const MODES: readonly Mode[] = [ 'personalized', 'holdout', 'cold' ];

export interface StoredProfile {
	key: string;
	created: number;
	updated: number;
	/** Reads and clicks: how much the profile knows. */
	history: number;
	affinities: Affinities;
	read: Set< number >;
}

export interface ProfileExport {
	key: string;
	created: string;
	updated: string;
	affinities: Record< AffinityKind, Record< string, number > >;
	read: number[];
	events: { type: string; post: number; at: string; feed: string | null }[];
}

export interface ModeCounts {
	impressions: number;
	clicks: number;
}

export interface PruneResult {
	events: number;
	profiles: number;
	served: number;
}

const iso = ( ms: number ) => new Date( ms ).toISOString();

/** Served feeds written together once this many wait (else on the next flush tick). */
const SERVED_BATCH = 500;

export class ProfileStore {
	private readonly statements;

	/**
	 * Served feeds not yet written. A feed request must not pay for a write of its own (a commit per
	 * request also makes SQLite checkpoint its log every few hundred requests, inside some request), so
	 * they are written in batches; lookups, merges and erasures see these too.
	 */
	private readonly pendingServed = new Map<
		string,
		{ key: string | null; mode: Mode; created: number }
	>();

	/**
	 * @param db The feed's database.
	 */
	constructor( private readonly db: Db ) {
		const prepare = ( sql: string ) => db.prepare( sql );
		this.statements = {
			profile: prepare(
				'SELECT key, created, updated, history FROM profiles WHERE key = ?'
			),
			affinities: prepare(
				'SELECT kind, term, weight FROM affinities WHERE key = ?'
			),
			reads: prepare(
				'SELECT post FROM reads WHERE key = ? ORDER BY at'
			),
			events: prepare(
				'SELECT type, post, at, feed FROM events WHERE key = ? ORDER BY seq'
			),
			ensure: prepare(
				'INSERT OR IGNORE INTO profiles (key, created, updated, history) VALUES (?, ?, ?, 0)'
			),
			touch: prepare(
				'UPDATE profiles SET updated = ?, history = history + ? WHERE key = ?'
			),
			affinity: prepare(
				`INSERT INTO affinities (key, kind, term, weight) VALUES (?, ?, ?, ?)
				ON CONFLICT (key, kind, term) DO UPDATE SET weight = weight + excluded.weight`
			),
			read: prepare(
				`INSERT INTO reads (key, post, at) VALUES (?, ?, ?)
				ON CONFLICT (key, post) DO UPDATE SET at = excluded.at`
			),
			event: prepare(
				'INSERT INTO events (key, type, post, feed, position, at) VALUES (?, ?, ?, ?, ?, ?)'
			),
			capEvents: prepare(
				`DELETE FROM events WHERE key = @key AND seq <= (
					SELECT seq FROM events WHERE key = @key ORDER BY seq DESC LIMIT 1 OFFSET @limit)`
			),
			capReads: prepare(
				`DELETE FROM reads WHERE key = @key AND post IN (
					SELECT post FROM reads WHERE key = @key ORDER BY at DESC, post DESC LIMIT -1 OFFSET @limit)`
			),
			serve: prepare(
				'INSERT OR IGNORE INTO served (request_id, key, mode, created) VALUES (?, ?, ?, ?)'
			),
			served: prepare(
				'SELECT key, mode FROM served WHERE request_id = ?'
			),
			attribute: prepare(
				'INSERT OR IGNORE INTO attributions (request_id, post, type) VALUES (?, ?, ?)'
			),
			count: prepare(
				`INSERT INTO mode_counts (mode, impressions, clicks) VALUES (@mode, @impressions, @clicks)
				ON CONFLICT (mode) DO UPDATE SET impressions = impressions + @impressions, clicks = clicks + @clicks`
			),
			mergeProfile: prepare(
				`INSERT INTO profiles (key, created, updated, history)
				SELECT @to, created, updated, history FROM profiles WHERE key = @from
				ON CONFLICT (key) DO UPDATE SET created = min(created, excluded.created),
					updated = max(updated, excluded.updated), history = history + excluded.history`
			),
			mergeAffinities: prepare(
				`INSERT INTO affinities (key, kind, term, weight)
				SELECT @to, kind, term, weight FROM affinities WHERE key = @from
				ON CONFLICT (key, kind, term) DO UPDATE SET weight = weight + excluded.weight`
			),
			mergeReads: prepare(
				`INSERT INTO reads (key, post, at) SELECT @to, post, at FROM reads WHERE key = @from
				ON CONFLICT (key, post) DO UPDATE SET at = max(at, excluded.at)`
			),
			moveEvents: prepare(
				'UPDATE events SET key = @to WHERE key = @from'
			),
			moveServed: prepare(
				'UPDATE served SET key = @to WHERE key = @from'
			),
			deleteAttributions: prepare(
				'DELETE FROM attributions WHERE request_id IN (SELECT request_id FROM served WHERE key = ?)'
			),
			deleteServed: prepare( 'DELETE FROM served WHERE key = ?' ),
			deleteEvents: prepare( 'DELETE FROM events WHERE key = ?' ),
			deleteReads: prepare( 'DELETE FROM reads WHERE key = ?' ),
			deleteAffinities: prepare( 'DELETE FROM affinities WHERE key = ?' ),
			deleteProfile: prepare( 'DELETE FROM profiles WHERE key = ?' ),
			idle: prepare( 'SELECT key FROM profiles WHERE updated < ?' ),
			oldEvents: prepare( 'DELETE FROM events WHERE at < ?' ),
			oldAttributions: prepare(
				'DELETE FROM attributions WHERE request_id IN (SELECT request_id FROM served WHERE created < ?)'
			),
			oldServed: prepare( 'DELETE FROM served WHERE created < ?' ),
			modes: prepare(
				'SELECT mode, impressions, clicks FROM mode_counts'
			),
			profileCount: prepare( 'SELECT count(*) AS n FROM profiles' ),
			eventCount: prepare( 'SELECT count(*) AS n FROM events' ),
		};
	}

	/**
	 * A profile with its affinities and read posts; null when there is none.
	 *
	 * @param key Profile key.
	 */
	load( key: string ): StoredProfile | null {
		const row = this.statements.profile.get( key ) as
			| { key: string; created: number; updated: number; history: number }
			| undefined;
		if ( row === undefined ) {
			return null;
		}
		const affinities = emptyAffinities();
		for ( const entry of this.statements.affinities.all( key ) as {
			kind: AffinityKind;
			term: number;
			weight: number;
		}[] ) {
			affinities[ entry.kind ]?.set( entry.term, entry.weight );
		}
		const read = new Set< number >();
		for ( const entry of this.statements.reads.all( key ) as {
			post: number;
		}[] ) {
			read.add( entry.post );
		}
		return { ...row, affinities, read };
	}

	/**
	 * Creates a profile when there is none.
	 *
	 * @param key Profile key.
	 * @param now Time (ms).
	 */
	ensure( key: string, now: number ): void {
		this.statements.ensure.run( key, now, now );
	}

	/**
	 * Marks a profile updated and adds to its history.
	 *
	 * @param key     Profile key.
	 * @param now     Time (ms).
	 * @param history Reads and clicks to add.
	 */
	touch( key: string, now: number, history: number ): void {
		this.statements.touch.run( now, history, key );
	}

	/**
	 * Adds to an affinity.
	 *
	 * @param key    Profile key.
	 * @param kind   Category, tag or author.
	 * @param term   Term or author id.
	 * @param amount Weight to add.
	 */
	addAffinity(
		key: string,
		kind: AffinityKind,
		term: number,
		amount: number
	): void {
		this.statements.affinity.run( key, kind, term, amount );
	}

	/**
	 * Records a read post.
	 *
	 * @param key  Profile key.
	 * @param post Post id.
	 * @param now  Time (ms).
	 */
	addRead( key: string, post: number, now: number ): void {
		this.statements.read.run( key, post, now );
	}

	/**
	 * Appends to a profile's event log.
	 *
	 * @param key      Profile key.
	 * @param type     Signal type.
	 * @param post     Post id.
	 * @param feed     The feed request it came from, if any.
	 * @param position Position in that feed, if given.
	 * @param now      Time (ms).
	 */
	addEvent(
		key: string,
		type: SignalType,
		post: number,
		feed: string | null,
		position: number | null,
		now: number
	): void {
		this.statements.event.run( key, type, post, feed, position, now );
	}

	/**
	 * Keeps only a profile's newest events and reads.
	 *
	 * @param key       Profile key.
	 * @param maxEvents Events kept.
	 * @param maxReads  Reads kept.
	 */
	cap( key: string, maxEvents: number, maxReads: number ): void {
		this.statements.capEvents.run( { key, limit: maxEvents } );
		this.statements.capReads.run( { key, limit: maxReads } );
	}

	/**
	 * Records a served feed, for attribution.
	 *
	 * @param requestId The feed's request id.
	 * @param key       Profile key, or null.
	 * @param mode      The ranking it got.
	 * @param now       Time (ms).
	 */
	serve(
		requestId: string,
		key: string | null,
		mode: Mode,
		now: number
	): void {
		this.pendingServed.set( requestId, { key, mode, created: now } );
		if ( this.pendingServed.size >= SERVED_BATCH ) {
			this.flushServed();
		}
	}

	/** Writes the served feeds that wait, in one transaction. */
	flushServed(): void {
		if ( this.pendingServed.size === 0 ) {
			return;
		}
		this.db.transaction( () => {
			for ( const [ requestId, served ] of this.pendingServed ) {
				this.statements.serve.run(
					requestId,
					served.key,
					served.mode,
					served.created
				);
			}
		} )();
		this.pendingServed.clear();
	}

	/**
	 * The profile and mode of a served feed.
	 *
	 * @param requestId The feed's request id.
	 */
	served( requestId: string ): { key: string | null; mode: Mode } | null {
		return (
			this.pendingServed.get( requestId ) ??
			( this.statements.served.get( requestId ) as
				{ key: string | null; mode: Mode } | undefined ) ??
			null
		);
	}

	/**
	 * Attributes an impression or a click to a served feed, once per post and type; true when counted.
	 *
	 * @param requestId The feed's request id.
	 * @param mode      Its mode.
	 * @param post      Post id.
	 * @param type      impression or click.
	 */
	attribute(
		requestId: string,
		mode: Mode,
		post: number,
		type: 'impression' | 'click'
	): boolean {
		if (
			this.statements.attribute.run( requestId, post, type ).changes !== 1
		) {
			return false;
		}
		this.statements.count.run( {
			mode,
			impressions: type === 'impression' ? 1 : 0,
			clicks: type === 'click' ? 1 : 0,
		} );
		return true;
	}

	/**
	 * Moves an anonymous profile into a user's (adding affinities, joining reads, moving events and served
	 * feeds) and deletes it; false when there was none.
	 *
	 * @param from Anonymous key.
	 * @param to   User key.
	 */
	merge( from: string, to: string ): boolean {
		this.flushServed();
		return this.db.transaction( () => {
			if ( this.statements.profile.get( from ) === undefined ) {
				return false;
			}
			this.statements.mergeProfile.run( { from, to } );
			this.statements.mergeAffinities.run( { from, to } );
			this.statements.mergeReads.run( { from, to } );
			this.statements.moveEvents.run( { from, to } );
			this.statements.moveServed.run( { from, to } );
			this.statements.deleteReads.run( from );
			this.statements.deleteAffinities.run( from );
			this.statements.deleteProfile.run( from );
			return true;
		} )();
	}

	/**
	 * Deletes everything a profile owns; false when there was nothing.
	 *
	 * @param key Profile key.
	 */
	erase( key: string ): boolean {
		this.flushServed();
		return this.db.transaction( () => {
			let changes = 0;
			changes += this.statements.deleteAttributions.run( key ).changes;
			changes += this.statements.deleteServed.run( key ).changes;
			changes += this.statements.deleteEvents.run( key ).changes;
			changes += this.statements.deleteReads.run( key ).changes;
			changes += this.statements.deleteAffinities.run( key ).changes;
			changes += this.statements.deleteProfile.run( key ).changes;
			return changes > 0;
		} )();
	}

	/**
	 * Everything a profile holds, for a privacy export; null when there is none.
	 *
	 * @param key Profile key.
	 */
	export( key: string ): ProfileExport | null {
		const profile = this.load( key );
		if ( profile === null ) {
			return null;
		}
		const affinities = {} as ProfileExport[ 'affinities' ];
		for ( const kind of [ 'category', 'tag', 'author' ] as const ) {
			affinities[ kind ] = Object.fromEntries(
				profile.affinities[ kind ]
			);
		}
		const events = (
			this.statements.events.all( key ) as {
				type: string;
				post: number;
				at: number;
				feed: string | null;
			}[]
		 ).map( ( event ) => ( { ...event, at: iso( event.at ) } ) );
		return {
			key,
			created: iso( profile.created ),
			updated: iso( profile.updated ),
			affinities,
			read: [ ...profile.read ],
			events,
		};
	}

	/**
	 * Deletes what retention no longer allows: events older than `eventsBefore`, profiles not updated since
	 * then (with all they own), and served feeds older than `servedBefore`.
	 *
	 * @param eventsBefore Time (ms).
	 * @param servedBefore Time (ms).
	 */
	prune( eventsBefore: number, servedBefore: number ): PruneResult {
		const idle = (
			this.statements.idle.all( eventsBefore ) as { key: string }[]
		 ).map( ( row ) => row.key );
		for ( const key of idle ) {
			this.erase( key );
		}
		return this.db.transaction( () => {
			const events =
				this.statements.oldEvents.run( eventsBefore ).changes;
			this.statements.oldAttributions.run( servedBefore );
			const served =
				this.statements.oldServed.run( servedBefore ).changes;
			return { events, profiles: idle.length, served };
		} )();
	}

	/** Impressions and clicks attributed to each mode. */
	modeCounts(): Record< Mode, ModeCounts > {
		const counts = {
			personalized: { impressions: 0, clicks: 0 },
			holdout: { impressions: 0, clicks: 0 },
			cold: { impressions: 0, clicks: 0 },
		};
		for ( const row of this.statements.modes.all() as ( ModeCounts & {
			mode: Mode;
		} )[] ) {
			if ( row.mode in counts ) {
				counts[ row.mode ] = {
					impressions: row.impressions,
					clicks: row.clicks,
				};
			}
		}
		return counts;
	}

	/** Profiles and events held. */
	sizes(): { profiles: number; events: number } {
		return {
			profiles: ( this.statements.profileCount.get() as { n: number } ).n,
			events: ( this.statements.eventCount.get() as { n: number } ).n,
		};
	}

	/**
	 * Runs writes in one transaction.
	 *
	 * @param work The writes.
	 */
	transaction< T >( work: () => T ): T {
		return this.db.transaction( work )();
	}
}

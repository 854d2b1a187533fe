/**
 * The catalogue's durable copy: posts, their popularity counts and the content event ids already applied.
 * The in-memory Catalogue is loaded from it at start and every change is written here first.
 */
import type { Db } from './db';
import type { FeedPost } from './post';

interface PostRow {
	id: number;
	type: string;
	date: number;
	modified: string;
	author: number;
	categories: string;
	tags: string;
	comment_count: number;
	fingerprint: string;
}

interface PopularityRow {
	post: number;
	value: number;
	at: number;
}

/**
 * A stored row as a post.
 *
 * @param row Row of `posts`.
 */
function fromRow( row: PostRow ): FeedPost {
	return {
		id: row.id,
		type: row.type,
		date: row.date,
		modified: row.modified,
		author: row.author,
		categories: JSON.parse( row.categories ) as number[],
		tags: JSON.parse( row.tags ) as number[],
		commentCount: row.comment_count,
		fingerprint: row.fingerprint,
	};
}

export interface ManifestEntry {
	id: number;
	modified: string;
	fingerprint: string;
}

export class CatalogueStore {
	private readonly statements;

	/**
	 * @param db The feed's database.
	 */
	constructor( private readonly db: Db ) {
		this.statements = {
			put: db.prepare(
				`INSERT INTO posts (id, type, date, modified, author, categories, tags, comment_count, fingerprint)
				VALUES (@id, @type, @date, @modified, @author, @categories, @tags, @commentCount, @fingerprint)
				ON CONFLICT (id) DO UPDATE SET type = excluded.type, date = excluded.date,
					modified = excluded.modified, author = excluded.author, categories = excluded.categories,
					tags = excluded.tags, comment_count = excluded.comment_count, fingerprint = excluded.fingerprint`
			),
			remove: db.prepare( 'DELETE FROM posts WHERE id = ?' ),
			removePopularity: db.prepare(
				'DELETE FROM popularity WHERE post = ?'
			),
			popularity: db.prepare(
				`INSERT INTO popularity (post, value, at) VALUES (?, ?, ?)
				ON CONFLICT (post) DO UPDATE SET value = excluded.value, at = excluded.at`
			),
			processed: db.prepare(
				'INSERT OR IGNORE INTO processed_events (id, at) VALUES (?, ?)'
			),
			manifest: db.prepare(
				'SELECT id, modified, fingerprint FROM posts WHERE id > ? ORDER BY id LIMIT ?'
			),
			prune: db.prepare( 'DELETE FROM processed_events WHERE at < ?' ),
		};
	}

	/** Every stored post. */
	posts(): FeedPost[] {
		return (
			this.db.prepare( 'SELECT * FROM posts' ).all() as PostRow[]
		 ).map( fromRow );
	}

	/** Every stored popularity count. */
	popularity(): PopularityRow[] {
		return this.db
			.prepare( 'SELECT post, value, at FROM popularity' )
			.all() as PopularityRow[];
	}

	/**
	 * Writes a post (insert or replace).
	 *
	 * @param post The post.
	 */
	put( post: FeedPost ): void {
		this.statements.put.run( {
			...post,
			categories: JSON.stringify( post.categories ),
			tags: JSON.stringify( post.tags ),
		} );
	}

	/**
	 * Deletes a post and its popularity.
	 *
	 * @param id Post id.
	 */
	remove( id: number ): void {
		this.statements.remove.run( id );
		this.statements.removePopularity.run( id );
	}

	/**
	 * Writes a post's decayed popularity count.
	 *
	 * @param id    Post id.
	 * @param value Count at `at`.
	 * @param at    Time (ms).
	 */
	savePopularity( id: number, value: number, at: number ): void {
		this.statements.popularity.run( id, value, at );
	}

	/**
	 * Records a content event id; false when it was already recorded (a redelivery).
	 *
	 * @param id Event id.
	 * @param at Time (ms).
	 */
	markProcessed( id: string, at: number ): boolean {
		return this.statements.processed.run( id, at ).changes === 1;
	}

	/**
	 * Forgets event ids recorded before a time (redeliveries come within hours, not weeks).
	 *
	 * @param before Time (ms).
	 */
	pruneProcessed( before: number ): number {
		return this.statements.prune.run( before ).changes;
	}

	/**
	 * A page of the manifest, by ascending id.
	 *
	 * @param after Last id of the previous page.
	 * @param limit Page size.
	 */
	manifest( after: number, limit: number ): ManifestEntry[] {
		return this.statements.manifest.all( after, limit ) as ManifestEntry[];
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

/**
 * The feed's SQLite file: one file in the data folder, WAL (the readers of a feed request never wait for a
 * signal batch being written), and the schema created on first open. `synchronous = NORMAL`: in WAL mode a
 * commit is still atomic and survives a crash of the process; only the last moments before a power cut can
 * be lost, which for reading signals is worth the throughput (no fsync per batch).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

import Database from 'better-sqlite3';

export type Db = Database.Database;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS posts (
	id INTEGER PRIMARY KEY,
	type TEXT NOT NULL,
	date INTEGER NOT NULL,
	modified TEXT NOT NULL,
	author INTEGER NOT NULL,
	categories TEXT NOT NULL,
	tags TEXT NOT NULL,
	comment_count INTEGER NOT NULL DEFAULT 0,
	fingerprint TEXT NOT NULL DEFAULT ''
);

CREATE TABLE IF NOT EXISTS popularity (
	post INTEGER PRIMARY KEY,
	value REAL NOT NULL,
	at INTEGER NOT NULL
);

CREATE TABLE IF NOT EXISTS processed_events (
	id TEXT PRIMARY KEY,
	at INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS processed_events_at ON processed_events (at);

CREATE TABLE IF NOT EXISTS profiles (
	key TEXT PRIMARY KEY,
	created INTEGER NOT NULL,
	updated INTEGER NOT NULL,
	history REAL NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS profiles_updated ON profiles (updated);

CREATE TABLE IF NOT EXISTS affinities (
	key TEXT NOT NULL,
	kind TEXT NOT NULL,
	term INTEGER NOT NULL,
	weight REAL NOT NULL,
	PRIMARY KEY (key, kind, term)
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS reads (
	key TEXT NOT NULL,
	post INTEGER NOT NULL,
	at INTEGER NOT NULL,
	PRIMARY KEY (key, post)
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS events (
	seq INTEGER PRIMARY KEY,
	key TEXT NOT NULL,
	type TEXT NOT NULL,
	post INTEGER NOT NULL,
	feed TEXT,
	position INTEGER,
	at INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS events_key ON events (key, seq);
CREATE INDEX IF NOT EXISTS events_at ON events (at);

CREATE TABLE IF NOT EXISTS served (
	request_id TEXT PRIMARY KEY,
	key TEXT,
	mode TEXT NOT NULL,
	created INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS served_created ON served (created);
CREATE INDEX IF NOT EXISTS served_key ON served (key);

CREATE TABLE IF NOT EXISTS attributions (
	request_id TEXT NOT NULL,
	post INTEGER NOT NULL,
	type TEXT NOT NULL,
	PRIMARY KEY (request_id, post, type)
) WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS mode_counts (
	mode TEXT PRIMARY KEY,
	impressions INTEGER NOT NULL DEFAULT 0,
	clicks INTEGER NOT NULL DEFAULT 0
);
`;

/** The file's name in the data folder. */
export const DB_FILE = 'feed.sqlite';

/**
 * Opens (and creates) the feed's database.
 *
 * @param dataDir Folder of the file; made when missing.
 */
export function openDb( dataDir: string ): Db {
	mkdirSync( dataDir, { recursive: true } );
	const db = new Database( join( dataDir, DB_FILE ) );
	db.pragma( 'journal_mode = WAL' );
	db.pragma( 'synchronous = NORMAL' );
	// A second process on the same file (a rolling restart, the bench generator) waits instead of failing.
	db.pragma( 'busy_timeout = 5000' );
	db.exec( SCHEMA );
	return db;
}

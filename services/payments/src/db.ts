/**
 * The ledger's SQLite file: one file under DATA_DIR, WAL (readers never wait for the writer), fully synced
 * commits (a recorded payment survives a power cut), and the schema created on first open.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

import Database from 'better-sqlite3';

export type Db = Database.Database;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS payments (
	seq INTEGER PRIMARY KEY AUTOINCREMENT,
	id TEXT NOT NULL UNIQUE,
	attempt_key TEXT NOT NULL UNIQUE,
	request_hash TEXT NOT NULL,
	status TEXT NOT NULL,
	amount INTEGER NOT NULL,
	amount_refunded INTEGER NOT NULL DEFAULT 0,
	currency TEXT NOT NULL,
	description TEXT NOT NULL,
	post_id INTEGER NOT NULL,
	block_id TEXT NOT NULL,
	return_url TEXT NOT NULL,
	email TEXT,
	payment_intent_id TEXT UNIQUE,
	last_error TEXT,
	livemode INTEGER NOT NULL,
	created_at INTEGER NOT NULL,
	updated_at INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS payments_status ON payments (status, seq);

CREATE TABLE IF NOT EXISTS transitions (
	seq INTEGER PRIMARY KEY AUTOINCREMENT,
	payment_id TEXT NOT NULL REFERENCES payments (id),
	at INTEGER NOT NULL,
	from_status TEXT,
	to_status TEXT NOT NULL,
	source TEXT NOT NULL,
	stripe_event_id TEXT
);
CREATE INDEX IF NOT EXISTS transitions_payment ON transitions (payment_id, seq);

CREATE TABLE IF NOT EXISTS stripe_events (
	id TEXT PRIMARY KEY,
	type TEXT NOT NULL,
	payment_id TEXT,
	received_at INTEGER NOT NULL
);

CREATE TABLE IF NOT EXISTS refunds (
	refund_key TEXT PRIMARY KEY,
	payment_id TEXT NOT NULL REFERENCES payments (id),
	request_hash TEXT NOT NULL,
	stripe_refund_id TEXT NOT NULL UNIQUE,
	amount INTEGER NOT NULL,
	status TEXT NOT NULL,
	requested_by TEXT NOT NULL,
	created_at INTEGER NOT NULL
);

CREATE TABLE IF NOT EXISTS callbacks (
	seq INTEGER PRIMARY KEY AUTOINCREMENT,
	id TEXT NOT NULL UNIQUE,
	payment_id TEXT NOT NULL,
	type TEXT NOT NULL,
	body TEXT NOT NULL,
	created_at INTEGER NOT NULL,
	attempts INTEGER NOT NULL DEFAULT 0,
	next_at INTEGER NOT NULL,
	delivered_at INTEGER,
	last_status INTEGER
);
CREATE INDEX IF NOT EXISTS callbacks_pending ON callbacks (delivered_at, payment_id, seq);
`;

/**
 * Opens (and creates) the ledger.
 *
 * @param dataDir Folder of the file.
 */
export function openDb( dataDir: string ): Db {
	mkdirSync( dataDir, { recursive: true } );
	const db = new Database( join( dataDir, 'payments.sqlite' ) );
	db.pragma( 'journal_mode = WAL' );
	db.pragma( 'synchronous = FULL' );
	db.pragma( 'foreign_keys = ON' );
	// A second process on the same file (a rolling restart) waits for the lock instead of failing.
	db.pragma( 'busy_timeout = 5000' );
	db.exec( SCHEMA );
	return db;
}

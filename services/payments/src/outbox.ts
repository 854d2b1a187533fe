/**
 * The callbacks table: what WordPress must be told, written in the same transaction as the change it
 * announces, so a change without its callback (or the reverse) cannot exist, even across a crash.
 */
import { randomBytes } from 'node:crypto';

import type { Db } from './db';
import type { Payment } from './payment';
import type { CallbackType } from './transitions';

export interface CallbackRow {
	seq: number;
	id: string;
	payment_id: string;
	type: CallbackType;
	body: string;
	created_at: number;
	attempts: number;
	next_at: number;
	delivered_at: number | null;
	last_status: number | null;
}

/**
 * Adds a callback; call it inside the transaction that made the change. The body is fixed now, so every
 * retry sends the same bytes under the same id and WordPress can recognize a redelivery.
 *
 * @param db      The ledger.
 * @param type    What happened.
 * @param payment The payment as it is after the change.
 * @param now     Milliseconds since the epoch.
 */
export function enqueueCallback(
	db: Db,
	type: CallbackType,
	payment: Payment,
	now: number
): void {
	const id = `paycb_${ randomBytes( 12 ).toString( 'hex' ) }`;
	const body = JSON.stringify( {
		id,
		type,
		created: Math.floor( now / 1000 ),
		data: { payment },
	} );
	db.prepare(
		`INSERT INTO callbacks (id, payment_id, type, body, created_at, next_at)
		VALUES (?, ?, ?, ?, ?, ?)`
	).run( id, payment.id, type, body, now, now );
}

/**
 * Callbacks to send now: for each payment only its oldest undelivered one, so WordPress learns of a
 * payment's changes in the order they happened.
 *
 * @param db    The ledger.
 * @param now   Milliseconds since the epoch.
 * @param limit Most rows.
 */
export function dueCallbacks(
	db: Db,
	now: number,
	limit: number
): CallbackRow[] {
	return db
		.prepare(
			`SELECT c.* FROM callbacks c
			WHERE c.delivered_at IS NULL AND c.next_at <= ?
			AND c.seq = (SELECT MIN(seq) FROM callbacks o WHERE o.payment_id = c.payment_id AND o.delivered_at IS NULL)
			ORDER BY c.next_at, c.seq LIMIT ?`
		)
		.all( now, limit ) as CallbackRow[];
}

/**
 * When the earliest undelivered callback is due, or null when none is waiting.
 *
 * @param db The ledger.
 */
export function nextDueAt( db: Db ): number | null {
	const row = db
		.prepare(
			'SELECT MIN(next_at) AS at FROM callbacks WHERE delivered_at IS NULL'
		)
		.get() as { at: number | null };
	return row.at;
}

/**
 * @param db     The ledger.
 * @param seq    Row.
 * @param status HTTP status WordPress answered.
 * @param now    Milliseconds since the epoch.
 */
export function markDelivered(
	db: Db,
	seq: number,
	status: number,
	now: number
): void {
	db.prepare(
		'UPDATE callbacks SET delivered_at = ?, attempts = attempts + 1, last_status = ? WHERE seq = ?'
	).run( now, status, seq );
}

/**
 * @param db     The ledger.
 * @param seq    Row.
 * @param status HTTP status, or null when no answer came.
 * @param nextAt When to try again.
 */
export function markFailed(
	db: Db,
	seq: number,
	status: number | null,
	nextAt: number
): void {
	db.prepare(
		'UPDATE callbacks SET attempts = attempts + 1, last_status = ?, next_at = ? WHERE seq = ?'
	).run( status, nextAt, seq );
}

/**
 * How many callbacks wait, and since when: the admin health view shows it.
 *
 * @param db The ledger.
 */
export function pendingCallbacks( db: Db ): {
	pending: number;
	oldestAt: string | null;
} {
	const row = db
		.prepare(
			'SELECT COUNT(*) AS pending, MIN(created_at) AS oldest FROM callbacks WHERE delivered_at IS NULL'
		)
		.get() as { pending: number; oldest: number | null };
	return {
		pending: row.pending,
		oldestAt:
			row.oldest === null ? null : new Date( row.oldest ).toISOString(),
	};
}

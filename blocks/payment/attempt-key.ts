/**
 * Attempt keys: one per payment attempt, so double clicks, retries and reloads reuse the same payment.
 *
 * The gateway creates at most one payment per attempt key (the payment service's idempotency key), so
 * the key is kept in sessionStorage per post, block and amount: the same tab asking again for the same
 * amount gets the same payment back, a new amount or a finished payment starts a new attempt.
 */

/** The part of `Storage` used here; sessionStorage, or memory where the browser refuses storage. */
export type KeyValueStore = Pick<
	Storage,
	'getItem' | 'setItem' | 'removeItem'
>;

/** The shape the gateway accepts. */
export const ATTEMPT_KEY_PATTERN = /^[A-Za-z0-9_-]{16,64}$/;

const PREFIX = 'switchboard-payment:';

/** What is remembered about a payment, so a return from a redirect can read its status. */
export interface PaymentRecord {
	attempt: string;
	postId: number;
	blockId: string;
	amount: number;
}

/**
 * A new random attempt key: 32 URL-safe characters (192 random bits).
 *
 * @return The key.
 */
export function newAttemptKey(): string {
	const alphabet =
		'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
	// 64 symbols divide 256 evenly, so taking each byte modulo 64 is unbiased: 6 random bits a character.
	return Array.from(
		crypto.getRandomValues( new Uint8Array( 32 ) ),
		( byte ) => alphabet[ byte % 64 ]
	).join( '' );
}

/**
 * The tab's sessionStorage, or a store in memory when it cannot be used (disabled storage, some private
 * windows): keys then last as long as the page, which still covers double clicks and retries.
 *
 * @return A store.
 */
export function sessionStore(): KeyValueStore {
	try {
		const probe = PREFIX + 'probe';
		window.sessionStorage.setItem( probe, '1' );
		window.sessionStorage.removeItem( probe );
		return window.sessionStorage;
	} catch {
		const memory = new Map< string, string >();
		return {
			getItem: ( key ) => memory.get( key ) ?? null,
			setItem: ( key, value ) => void memory.set( key, value ),
			removeItem: ( key ) => void memory.delete( key ),
		};
	}
}

/**
 * Where an attempt's key is kept.
 *
 * @param postId  Post holding the block.
 * @param blockId The block's id.
 * @param amount  Amount in minor units.
 * @return The storage key.
 */
function slot( postId: number, blockId: string, amount: number ): string {
	return `${ PREFIX }attempt:${ postId }:${ blockId }:${ amount }`;
}

/**
 * The attempt key for paying an amount in a block: the stored one, or a new one, stored.
 *
 * @param store   Where keys are kept.
 * @param postId  Post holding the block.
 * @param blockId The block's id.
 * @param amount  Amount in minor units.
 * @param create  Makes a new key (tests pass a fixed one).
 * @return The key.
 */
export function attemptKey(
	store: KeyValueStore,
	postId: number,
	blockId: string,
	amount: number,
	create: () => string = newAttemptKey
): string {
	const stored = store.getItem( slot( postId, blockId, amount ) );
	if ( stored !== null && ATTEMPT_KEY_PATTERN.test( stored ) ) {
		return stored;
	}
	return renewAttemptKey( store, postId, blockId, amount, create );
}

/**
 * Replaces the attempt key (the gateway said it was used for another amount, 409).
 *
 * @param store   Where keys are kept.
 * @param postId  Post holding the block.
 * @param blockId The block's id.
 * @param amount  Amount in minor units.
 * @param create  Makes a new key.
 * @return The new key.
 */
export function renewAttemptKey(
	store: KeyValueStore,
	postId: number,
	blockId: string,
	amount: number,
	create: () => string = newAttemptKey
): string {
	const key = create();
	store.setItem( slot( postId, blockId, amount ), key );
	return key;
}

/**
 * Forgets a finished attempt, so the next payment of the same amount is a new one.
 *
 * @param store  Where keys are kept.
 * @param record The payment.
 */
export function forgetAttempt( store: KeyValueStore, record: PaymentRecord ) {
	store.removeItem( slot( record.postId, record.blockId, record.amount ) );
}

/**
 * Remembers which attempt a payment belongs to, for reading its status after a redirect.
 *
 * @param store     Where keys are kept.
 * @param paymentId The payment's id (`pay_...`).
 * @param record    Its attempt, block and amount.
 */
export function rememberPayment(
	store: KeyValueStore,
	paymentId: string,
	record: PaymentRecord
) {
	store.setItem(
		`${ PREFIX }payment:${ paymentId }`,
		JSON.stringify( record )
	);
}

/**
 * What was remembered about a payment.
 *
 * @param store     Where keys are kept.
 * @param paymentId The payment's id.
 * @return The record, or null when this tab did not start it.
 */
export function recallPayment(
	store: KeyValueStore,
	paymentId: string
): PaymentRecord | null {
	try {
		const record = JSON.parse(
			store.getItem( `${ PREFIX }payment:${ paymentId }` ) ?? 'null'
		) as PaymentRecord | null;
		return record && ATTEMPT_KEY_PATTERN.test( record.attempt )
			? record
			: null;
	} catch {
		return null;
	}
}

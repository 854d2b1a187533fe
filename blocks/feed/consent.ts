/**
 * Internal dependencies
 */
import { VISITOR_ID, newVisitorId } from './visitor-id';

/** How the page gets consent (Switchboard\Feed\Consent::for_browser()). */
export interface ConsentConfig {
	mode: 'prompt' | 'wp-consent-api' | 'granted' | string;
	category: string;
}

/** Where the visitor's choice stands: personalize, ask with the built-in prompt, or do nothing. */
export type ConsentStatus = 'yes' | 'ask' | 'no';

/** What `localStorage` holds once the visitor agreed (contract). */
export interface ConsentRecord {
	v: 1;
	visitor: string;
	since: number;
}

/** The WP Consent API's function, when a consent plugin provides it. */
export type HasConsent = ( category: string ) => boolean;

/** The one storage key the feed ever writes, and only after consent. */
export const STORAGE_KEY = 'switchboard-feed';

/**
 * The stored record, if it is a valid one.
 *
 * @param storage `localStorage`, or null where it is unavailable.
 * @return The record, or null.
 */
export function readRecord( storage: Storage | null ): ConsentRecord | null {
	try {
		const record = JSON.parse(
			storage?.getItem( STORAGE_KEY ) ?? 'null'
		) as Partial< ConsentRecord > | null;
		return record?.v === 1 &&
			VISITOR_ID.test( String( record.visitor ) ) &&
			typeof record.since === 'number'
			? ( record as ConsentRecord )
			: null;
	} catch {
		return null;
	}
}

/**
 * Stores consent with a new visitor id, or keeps the stored one.
 *
 * @param storage `localStorage`.
 * @param now     The time, in ms.
 * @return The visitor id.
 */
export function grant( storage: Storage | null, now: number ): string {
	const kept = readRecord( storage );
	if ( kept ) {
		return kept.visitor;
	}
	const record: ConsentRecord = { v: 1, visitor: newVisitorId(), since: now };
	try {
		storage?.setItem( STORAGE_KEY, JSON.stringify( record ) );
	} catch {
		// Storage full or refused: personalize this page only.
	}
	return record.visitor;
}

/**
 * Forgets consent: removes the record (and with it the visitor id).
 *
 * @param storage `localStorage`.
 */
export function revoke( storage: Storage | null ): void {
	try {
		storage?.removeItem( STORAGE_KEY );
	} catch {
		// Nothing stored that could be removed.
	}
}

/**
 * Where consent stands when the page loads. Only reads; writes nothing unless consent is already given
 * (a consent plugin's or the site's), when the visitor id is created and kept.
 *
 * @param config     The page's consent config.
 * @param storage    `localStorage`, or null.
 * @param hasConsent The WP Consent API's `wp_has_consent`, if loaded.
 * @param now        The time, in ms.
 * @return The status, and the visitor id when it is `yes`.
 */
export function startConsent(
	config: ConsentConfig,
	storage: Storage | null,
	hasConsent: HasConsent | undefined,
	now: number
): { status: ConsentStatus; visitor?: string } {
	if ( config.mode === 'granted' ) {
		return { status: 'yes', visitor: grant( storage, now ) };
	}
	if ( config.mode === 'wp-consent-api' ) {
		if ( hasConsent?.( config.category ) ) {
			return { status: 'yes', visitor: grant( storage, now ) };
		}
		// Consent withdrawn in the consent plugin since the id was made: drop it.
		if ( readRecord( storage ) ) {
			revoke( storage );
		}
		return { status: 'no' };
	}
	const record = readRecord( storage );
	return record
		? { status: 'yes', visitor: record.visitor }
		: { status: 'ask' };
}

/**
 * The decision a WP Consent API change event carries for a category.
 *
 * @param event    The `wp_listen_for_consent_change` event.
 * @param category The feed's consent category.
 * @return `allow`, `deny`, or undefined when the event is about other categories.
 */
export function consentChange(
	event: Event,
	category: string
): 'allow' | 'deny' | undefined {
	const value = ( event as CustomEvent< Record< string, string > > ).detail?.[
		category
	];
	return value === 'allow' || value === 'deny' ? value : undefined;
}

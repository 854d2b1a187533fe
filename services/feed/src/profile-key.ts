/**
 * Whose profile a request is about: `u:<sub>` for a logged-in user (the gateway token's subject), else
 * `a:<visitor>` for a consenting anonymous visitor, else nobody.
 */
import type { ServiceClaims } from '@switchboard/service-kit';

/** Anonymous visitor ids: 22 characters of base64url (16 random bytes). */
export const VISITOR_PATTERN = '^[A-Za-z0-9_-]{22}$';

/** A profile key as the privacy routes accept it. */
export const PROFILE_KEY_PATTERN =
	'^(u:[A-Za-z0-9._@-]{1,64}|a:[A-Za-z0-9_-]{22})$';

const SUBJECT = /^[A-Za-z0-9._@-]{1,64}$/;

export interface ProfileKeys {
	/** The key the request reads and writes; null when there is none. */
	key: string | null;
	/** An anonymous key to merge into the user's, when both are known. */
	mergeFrom: string | null;
}

/**
 * @param claims  The verified token's claims.
 * @param visitor The anonymous visitor id from the body, if any.
 */
export function profileKeys(
	claims: ServiceClaims | undefined,
	visitor: string | undefined
): ProfileKeys {
	const sub = claims?.sub;
	// WordPress user ids start at 1: a `0` or empty subject is an anonymous visitor.
	const user =
		sub !== undefined && sub !== '' && sub !== '0' && SUBJECT.test( sub )
			? `u:${ sub }`
			: null;
	const anonymous = visitor === undefined ? null : `a:${ visitor }`;
	if ( user !== null ) {
		return { key: user, mergeFrom: anonymous };
	}
	return { key: anonymous, mergeFrom: null };
}

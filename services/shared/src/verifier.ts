/**
 * Verifies the short-lived service tokens that the WordPress gateway signs (EdDSA, see
 * plugin/src/Identity), against the public keys WordPress publishes at `/wp-json/switchboard/v1/jwks`.
 */
import {
	createRemoteJWKSet,
	decodeProtectedHeader,
	errors,
	jwtVerify,
	type JWTPayload,
} from 'jose';

/** Longest lifetime the gateway gives a token (JwtSigner::MAX_TTL), in seconds. */
const MAX_TOKEN_LIFETIME_SEC = 60;

export interface VerifierOptions {
	/** URL of the site's JWKS, e.g. `https://example.org/wp-json/switchboard/v1/jwks`. */
	jwksUrl: string | URL;
	/** Expected `iss`: the site's home URL. */
	issuer: string;
	/** Expected `aud`: this service's id (e.g. `search`). */
	audience: string;
	/** Allowed clock skew in seconds when checking `exp` and `nbf`. Default 5. */
	clockToleranceSec?: number;
	/** Minimum time between two JWKS fetches caused by an unknown `kid`, in seconds. Default 30. */
	jwksCooldownSec?: number;
	/** Longest time a fetched JWKS is used before it is fetched again, in seconds. Default 600. */
	jwksMaxAgeSec?: number;
	/**
	 * Headers sent with every JWKS fetch. Development only: wp-env's Playground logs every new client in by
	 * redirecting it, and a `Cookie: playground_auto_login_already_happened=1` skips that.
	 */
	jwksHeaders?: Record< string, string >;
	/** Timeout of a JWKS fetch, in milliseconds. Default 2000. */
	jwksTimeoutMs?: number;
}

/** The claims of a valid gateway token. */
export interface ServiceClaims {
	iss: string;
	aud: string;
	/** The WordPress user id, when the visitor is logged in. */
	sub?: string;
	iat: number;
	nbf: number;
	exp: number;
	jti: string;
}

export type VerifyErrorCode =
	| 'missing_token'
	| 'malformed_token'
	| 'unsupported_alg'
	| 'unknown_key'
	| 'bad_signature'
	| 'wrong_audience'
	| 'wrong_issuer'
	| 'expired'
	| 'not_yet_valid'
	| 'invalid_claims'
	| 'jwks_unavailable';

/** Why a token was refused. `code` is stable; `message` is for logs, never for the caller. */
export class VerifyError extends Error {
	override readonly name = 'VerifyError';

	constructor(
		readonly code: VerifyErrorCode,
		message: string,
		options?: { cause?: unknown }
	) {
		super( message, options );
	}

	/** HTTP status a service should answer with: 503 when the keys could not be fetched, else 401. */
	get status(): 401 | 503 {
		return this.code === 'jwks_unavailable' ? 503 : 401;
	}
}

export type VerifyResult =
	{ ok: true; claims: ServiceClaims } | { ok: false; error: VerifyError };

export interface Verifier {
	/** Checks an `Authorization` header value (`Bearer <jwt>`). Never throws. */
	verify: (
		authorizationHeader: string | null | undefined
	) => Promise< VerifyResult >;
	/**
	 * Fetches the JWKS now. Services call it at start and on a timer (see `keepKeysFresh`) so that a
	 * request never waits for WordPress: a single-threaded WordPress (Playground, `php -S` with one worker)
	 * cannot answer the JWKS request while it is waiting for the service.
	 */
	refresh: () => Promise< void >;
}

const BEARER = /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)$/;

function fail( code: VerifyErrorCode, message: string, cause?: unknown ) {
	return {
		ok: false as const,
		error: new VerifyError( code, message, { cause } ),
	};
}

/**
 * Maps a jose error to a stable code.
 * @param error
 */
function classify( error: unknown ): VerifyError {
	if ( error instanceof errors.JWTExpired ) {
		return new VerifyError( 'expired', 'The token has expired.', {
			cause: error,
		} );
	}
	if ( error instanceof errors.JWTClaimValidationFailed ) {
		const byClaim: Record< string, VerifyErrorCode > = {
			aud: 'wrong_audience',
			iss: 'wrong_issuer',
			nbf: 'not_yet_valid',
		};
		return new VerifyError(
			byClaim[ error.claim ] ?? 'invalid_claims',
			error.message,
			{ cause: error }
		);
	}
	if ( error instanceof errors.JWSSignatureVerificationFailed ) {
		return new VerifyError( 'bad_signature', error.message, {
			cause: error,
		} );
	}
	if (
		error instanceof errors.JOSEAlgNotAllowed ||
		error instanceof errors.JOSENotSupported
	) {
		return new VerifyError( 'unsupported_alg', error.message, {
			cause: error,
		} );
	}
	if (
		error instanceof errors.JWKSNoMatchingKey ||
		error instanceof errors.JWKSMultipleMatchingKeys
	) {
		return new VerifyError( 'unknown_key', error.message, {
			cause: error,
		} );
	}
	if (
		error instanceof errors.JWSInvalid ||
		error instanceof errors.JWTInvalid
	) {
		return new VerifyError( 'malformed_token', error.message, {
			cause: error,
		} );
	}
	// JWKS fetch failures: timeouts, network errors, non-200 answers, a body that is not a key set.
	return new VerifyError(
		'jwks_unavailable',
		error instanceof Error ? error.message : 'The JWKS could not be used.',
		{ cause: error }
	);
}

/**
 * The gateway's claims, with their types checked (jose checks only the registered time claims).
 * @param payload
 */
function toServiceClaims( payload: JWTPayload ): ServiceClaims | null {
	const { iss, aud, sub, iat, nbf, exp, jti } = payload;
	if (
		typeof iss !== 'string' ||
		typeof aud !== 'string' ||
		( sub !== undefined && typeof sub !== 'string' ) ||
		typeof iat !== 'number' ||
		typeof nbf !== 'number' ||
		typeof exp !== 'number' ||
		typeof jti !== 'string' ||
		jti === ''
	) {
		return null;
	}
	return sub === undefined
		? { iss, aud, iat, nbf, exp, jti }
		: { iss, aud, sub, iat, nbf, exp, jti };
}

/**
 * Creates a verifier for one service. Keys are fetched from `jwksUrl` and cached; a token whose `kid`
 * is not in the cache triggers one refetch (at most once per cooldown), so a key rotation in WordPress
 * needs no restart.
 *
 * @param options Where the keys are and what the token must say.
 */
export function createVerifier( options: VerifierOptions ): Verifier {
	const {
		issuer,
		audience,
		clockToleranceSec = 5,
		jwksCooldownSec = 30,
		jwksMaxAgeSec = 600,
		jwksTimeoutMs = 2000,
	} = options;
	if ( issuer === '' || audience === '' ) {
		throw new TypeError( 'A verifier needs an issuer and an audience.' );
	}
	const jwks = createRemoteJWKSet( new URL( options.jwksUrl ), {
		cooldownDuration: jwksCooldownSec * 1000,
		cacheMaxAge: jwksMaxAgeSec * 1000,
		timeoutDuration: jwksTimeoutMs,
		headers: options.jwksHeaders,
	} );

	return {
		async refresh() {
			await jwks.reload();
		},
		async verify( authorizationHeader ) {
			if ( ! authorizationHeader ) {
				return fail( 'missing_token', 'No Authorization header.' );
			}
			const token = BEARER.exec( authorizationHeader.trim() )?.[ 1 ];
			if ( token === undefined ) {
				return fail(
					'malformed_token',
					'The Authorization header is not a bearer JWT.'
				);
			}

			// Checked before any key lookup, so `none` or HS256 never reach key selection.
			let alg: unknown;
			try {
				( { alg } = decodeProtectedHeader( token ) );
			} catch ( error ) {
				return fail(
					'malformed_token',
					'The token header is not valid.',
					error
				);
			}
			if ( alg !== 'EdDSA' ) {
				return fail(
					'unsupported_alg',
					`The token's alg is ${ String( alg ) }, not EdDSA.`
				);
			}

			try {
				const { payload } = await jwtVerify( token, jwks, {
					algorithms: [ 'EdDSA' ],
					issuer,
					audience,
					typ: 'JWT',
					clockTolerance: clockToleranceSec,
					requiredClaims: [
						'iss',
						'aud',
						'iat',
						'nbf',
						'exp',
						'jti',
					],
				} );
				const claims = toServiceClaims( payload );
				if ( claims === null ) {
					return fail(
						'invalid_claims',
						'The token claims have the wrong types.'
					);
				}
				if ( claims.exp - claims.iat > MAX_TOKEN_LIFETIME_SEC ) {
					return fail(
						'invalid_claims',
						'The token lives longer than the gateway allows.'
					);
				}
				return { ok: true, claims };
			} catch ( error ) {
				return { ok: false, error: classify( error ) };
			}
		},
	};
}

/**
 * Keeps a verifier's keys fresh in the background: fetches them at once, retries with backoff (1 s doubling
 * up to 30 s) until WordPress answers, then again every `everySec` seconds (default 300, within the
 * verifier's default 600-second maximum age). Returns a function that stops it.
 *
 * @param verifier         The verifier.
 * @param options          Timing and logging.
 * @param options.everySec Seconds between two refreshes once the keys were fetched.
 * @param options.onError  Called with each failed fetch, e.g. to log it.
 */
export function keepKeysFresh(
	verifier: Pick< Verifier, 'refresh' >,
	options: { everySec?: number; onError?: ( error: unknown ) => void } = {}
): () => void {
	const everyMs = ( options.everySec ?? 300 ) * 1000;
	let timer: ReturnType< typeof setTimeout > | undefined;
	let stopped = false;
	let retryMs = 1000;

	const run = async (): Promise< void > => {
		let nextMs = everyMs;
		try {
			await verifier.refresh();
			retryMs = 1000;
		} catch ( error ) {
			options.onError?.( error );
			nextMs = retryMs;
			retryMs = Math.min( retryMs * 2, 30000 );
		}
		if ( ! stopped ) {
			timer = setTimeout( () => void run(), nextMs );
			// A pending refresh must not keep a stopping process alive.
			timer.unref();
		}
	};
	void run();

	return () => {
		stopped = true;
		if ( timer !== undefined ) {
			clearTimeout( timer );
		}
	};
}

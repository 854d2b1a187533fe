/**
 * The HTTP contract every content service shares with the gateway, as JSON schemas (validated on the way
 * in, serialized on the way out): the signed `/events` delivery and contract C2, the `/v1/index/*` sync
 * routes WordPress's re-index and reconciliation jobs call.
 */
import { Type, type Static } from '@sinclair/typebox';

import { EVENT_ID_PATTERN } from './signature';

/** The kit's JSON error, `{code, message}`. */
export const ErrorResponse = Type.Object( {
	code: Type.String(),
	message: Type.String(),
} );

export const EventBody = Type.Object( {
	id: Type.String( { pattern: EVENT_ID_PATTERN.source } ),
	type: Type.String( { pattern: '^[a-z_]{1,32}(\\.[a-z_]{1,32}){1,3}$' } ),
	data: Type.Object( {} ),
} );
export type EventBody = Static< typeof EventBody >;

export const EventResponse = Type.Object( {
	ok: Type.Literal( true ),
	duplicate: Type.Optional( Type.Boolean() ),
	ignored: Type.Optional( Type.Boolean() ),
} );

/** A batch of post data (C1) to upsert. Items are checked one by one, so one bad item is reported, not fatal. */
export const IndexDocumentsBody = Type.Object(
	{
		documents: Type.Array( Type.Unknown(), { minItems: 1, maxItems: 500 } ),
	},
	{ additionalProperties: false }
);
export type IndexDocumentsBody = Static< typeof IndexDocumentsBody >;

export const IndexDocumentsResponse = Type.Object( {
	indexed: Type.Integer(),
	skipped: Type.Integer(),
	rejected: Type.Array(
		Type.Object( {
			id: Type.Union( [ Type.Integer(), Type.Null() ] ),
			code: Type.String(),
			message: Type.String(),
		} )
	),
} );
export type IndexDocumentsResponse = Static< typeof IndexDocumentsResponse >;

export const RemoveDocumentsBody = Type.Object(
	{
		ids: Type.Array(
			Type.Integer( { minimum: 1, maximum: Number.MAX_SAFE_INTEGER } ),
			{ minItems: 1, maxItems: 1000 }
		),
	},
	{ additionalProperties: false }
);

export const RemoveDocumentsResponse = Type.Object( {
	removed: Type.Integer(),
} );

export const ManifestQuerystring = Type.Object(
	{
		after: Type.Integer( {
			minimum: 0,
			maximum: Number.MAX_SAFE_INTEGER,
			default: 0,
		} ),
		limit: Type.Integer( { minimum: 1, maximum: 5000, default: 1000 } ),
	},
	{ additionalProperties: false }
);

export const ManifestResponse = Type.Object( {
	documents: Type.Array(
		Type.Object( {
			id: Type.Integer(),
			modified: Type.String(),
			fingerprint: Type.String(),
		} )
	),
	next: Type.Union( [ Type.Integer(), Type.Null() ] ),
	total: Type.Integer(),
} );
/** One page of what a service holds: id, modification date and fingerprint, by ascending id. */
export type ManifestPage = Static< typeof ManifestResponse >;

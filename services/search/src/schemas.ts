/**
 * The HTTP contract with the gateway, as JSON schemas (validated on the way in, serialized on the way out).
 */
import { Type, type Static } from '@sinclair/typebox';
import { EVENT_ID_PATTERN } from '@switchboard/service-kit';

/** Comma-separated ids or slugs: `3,news,big-news`. */
const List = Type.String( {
	pattern:
		'^[\\p{Ll}\\p{Lo}\\p{N}_-]{1,64}(,[\\p{Ll}\\p{Lo}\\p{N}_-]{1,64}){0,19}$',
} );

/** `2026-01-02`, or a date and time with an optional offset. */
const IsoDate = Type.String( {
	pattern:
		'^\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?(Z|[+-]\\d{2}:\\d{2})?)?$',
} );

export const SearchQuerystring = Type.Object(
	{
		// At least one non-space character, no control characters (NUL included).
		q: Type.String( {
			minLength: 1,
			maxLength: 200,
			pattern: '^(?=.*\\S)[^\\u0000-\\u001f\\u007f]*$',
		} ),
		page: Type.Integer( { minimum: 1, maximum: 100, default: 1 } ),
		per_page: Type.Integer( { minimum: 1, maximum: 50, default: 10 } ),
		category: Type.Optional( List ),
		tag: Type.Optional( List ),
		author: Type.Optional( List ),
		type: Type.Optional( List ),
		after: Type.Optional( IsoDate ),
		before: Type.Optional( IsoDate ),
		sort: Type.Union(
			[ Type.Literal( 'relevance' ), Type.Literal( 'date' ) ],
			{
				default: 'relevance',
			}
		),
	},
	{ additionalProperties: false }
);
export type SearchQuerystring = Static< typeof SearchQuerystring >;

const Ranges = Type.Array(
	Type.Array( Type.Integer(), { minItems: 2, maxItems: 2 } )
);

const Bucket = Type.Object( {
	value: Type.String(),
	label: Type.String(),
	count: Type.Integer(),
} );

export const SearchResponse = Type.Object( {
	results: Type.Array(
		Type.Object( {
			id: Type.Integer(),
			title: Type.String(),
			url: Type.String(),
			excerpt: Type.String(),
			date: Type.String(),
			type: Type.String(),
			highlights: Type.Object( { title: Ranges, excerpt: Ranges } ),
		} )
	),
	total: Type.Integer(),
	page: Type.Integer(),
	pages: Type.Integer(),
	facets: Type.Object( {
		category: Type.Array( Bucket ),
		post_tag: Type.Array( Bucket ),
		type: Type.Array( Bucket ),
		author: Type.Array( Bucket ),
		date: Type.Array( Bucket ),
	} ),
	suggestion: Type.Union( [ Type.String(), Type.Null() ] ),
} );
export type SearchResponse = Static< typeof SearchResponse >;

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

/** Contract C2: a batch of post data (C1) to upsert. Items are checked one by one, so one bad item is reported, not fatal. */
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

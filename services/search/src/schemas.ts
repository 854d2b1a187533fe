/**
 * The HTTP contract with the gateway, as JSON schemas (validated on the way in, serialized on the way out).
 */
import { Type, type Static } from '@sinclair/typebox';

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

// The JSON error, the event delivery and the C2 sync contract are the kit's (shared with the feed).
export { ErrorResponse } from '@switchboard/service-kit/content';

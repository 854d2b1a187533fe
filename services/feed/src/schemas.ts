/**
 * The HTTP contract with the gateway, as JSON schemas (validated on the way in, serialized on the way out).
 */
import { Type, type Static } from '@sinclair/typebox';

import { PROFILE_KEY_PATTERN, VISITOR_PATTERN } from './profile-key';

const PostId = Type.Integer( { minimum: 1, maximum: Number.MAX_SAFE_INTEGER } );
const Ids = Type.Array( PostId, { maxItems: 50 } );
const TermIds = Type.Array(
	Type.Integer( { minimum: 1, maximum: Number.MAX_SAFE_INTEGER } ),
	{ maxItems: 50 }
);
const Visitor = Type.String( { pattern: VISITOR_PATTERN } );
const RequestId = Type.String( { pattern: '^f_[A-Za-z0-9_-]{1,64}$' } );

/** Comma-separated ids, up to 50: `3,12,40`. */
const IdList = Type.String( { pattern: '^[0-9]{1,16}(,[0-9]{1,16}){0,49}$' } );

// The JSON error, the event delivery and the C2 sync contract are the kit's (shared with search).
export { ErrorResponse } from '@switchboard/service-kit/content';

export const Slot = Type.Object(
	{
		count: Type.Integer( { minimum: 1, maximum: 12 } ),
		category: Type.Optional( TermIds ),
		exclude_category: Type.Optional( TermIds ),
		tag: Type.Optional( TermIds ),
		exclude_tag: Type.Optional( TermIds ),
		pinned: Type.Optional( Ids ),
	},
	{ additionalProperties: false }
);
export type Slot = Static< typeof Slot >;

const FeedRequestFields = {
	context: Type.Optional( PostId ),
	exclude: Type.Optional( Ids ),
	slots: Type.Array( Slot, { minItems: 1, maxItems: 6 } ),
};

export const PersonalBody = Type.Object(
	{ visitor: Type.Optional( Visitor ), ...FeedRequestFields },
	{ additionalProperties: false }
);

/** A sample reader: reads per term id (`{"4": 3}`). */
const Weights = Type.Record(
	Type.String( { pattern: '^[1-9][0-9]{0,15}$' } ),
	Type.Number( { minimum: 0, maximum: 1_000_000 } ),
	{ maxProperties: 200 }
);

export const PreviewBody = Type.Object(
	{
		...FeedRequestFields,
		profile: Type.Object(
			{
				category: Type.Optional( Weights ),
				tag: Type.Optional( Weights ),
				author: Type.Optional( Weights ),
			},
			{ additionalProperties: false }
		),
	},
	{ additionalProperties: false }
);

/**
 * Answers are serialized, not validated: plain strings here keep fast-json-stringify from trying each
 * branch of a union on every item (the values are the engine's own: see Reason and Mode in the engine).
 */
const Reason = Type.Object( {
	kind: Type.String( {
		description: 'pinned, category, tag, author, popular or recent',
	} ),
	id: Type.Optional( Type.Integer() ),
} );

const Item = Type.Object( { id: Type.Integer(), reason: Reason } );

const Mode = Type.String( { description: 'personalized, holdout or cold' } );

export const FeedResponse = Type.Object( {
	request_id: Type.String(),
	mode: Mode,
	slots: Type.Array( Type.Object( { items: Type.Array( Item ) } ) ),
} );

export const PublicQuerystring = Type.Object(
	{
		per_page: Type.Integer( { minimum: 1, maximum: 24, default: 6 } ),
		category: Type.Optional( IdList ),
		exclude_category: Type.Optional( IdList ),
		tag: Type.Optional( IdList ),
		exclude_tag: Type.Optional( IdList ),
		exclude: Type.Optional( IdList ),
		order: Type.Union(
			[ Type.Literal( 'popular' ), Type.Literal( 'recent' ) ],
			{
				default: 'popular',
			}
		),
	},
	{ additionalProperties: false }
);
export type PublicQuerystring = Static< typeof PublicQuerystring >;

export const PublicResponse = Type.Object( {
	items: Type.Array( Item ),
	request_id: Type.String(),
} );

export const SignalsBody = Type.Object(
	{
		visitor: Type.Optional( Visitor ),
		events: Type.Array(
			Type.Object(
				{
					type: Type.Union( [
						Type.Literal( 'impression' ),
						Type.Literal( 'view' ),
						Type.Literal( 'click' ),
					] ),
					post: PostId,
					feed: Type.Optional( RequestId ),
					position: Type.Optional(
						Type.Integer( { minimum: 0, maximum: 1000 } )
					),
				},
				{ additionalProperties: false }
			),
			{ minItems: 1, maxItems: 50 }
		),
	},
	{ additionalProperties: false }
);

export const SignalsResponse = Type.Object( { accepted: Type.Integer() } );

export const ProfileParams = Type.Object( {
	key: Type.String( { pattern: PROFILE_KEY_PATTERN } ),
} );

const Weighted = Type.Record( Type.String(), Type.Number() );

export const ProfileResponse = Type.Object( {
	key: Type.String(),
	created: Type.String(),
	updated: Type.String(),
	affinities: Type.Object( {
		category: Weighted,
		tag: Weighted,
		author: Weighted,
	} ),
	read: Type.Array( Type.Integer() ),
	events: Type.Array(
		Type.Object( {
			type: Type.String(),
			post: Type.Integer(),
			at: Type.String(),
			feed: Type.Union( [ Type.String(), Type.Null() ] ),
		} )
	),
	mode: Mode,
} );

export const ForgetBody = Type.Object(
	{ visitor: Visitor },
	{ additionalProperties: false }
);

export const DeletedResponse = Type.Object( { deleted: Type.Boolean() } );

const ModeStats = Type.Object( {
	impressions: Type.Integer(),
	clicks: Type.Integer(),
	ctr: Type.Union( [ Type.Number(), Type.Null() ] ),
} );

export const StatsResponse = Type.Object( {
	catalogue: Type.Integer(),
	profiles: Type.Integer(),
	events: Type.Integer(),
	holdout_share: Type.Number(),
	modes: Type.Object( {
		personalized: ModeStats,
		holdout: ModeStats,
		cold: ModeStats,
	} ),
	lift: Type.Union( [ Type.Number(), Type.Null() ] ),
} );

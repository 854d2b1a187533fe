/**
 * The feeds: `GET /v1/feed` (non-personalized: never reads the token's subject, so the gateway may cache it
 * publicly), `POST /v1/feed/personal` (the reader's profile, never created here) and `POST /v1/feed/preview`
 * (a sample reader's affinities, for the editor; stores nothing).
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Static } from '@sinclair/typebox';

import type { FeedRequest } from '../feed-engine';
import { profileKeys } from '../profile-key';
import { emptyAffinities, type AffinityKind } from '../ranking';
import type { Slot } from '../recommend';
import {
	ErrorResponse,
	FeedResponse,
	PersonalBody,
	PreviewBody,
	PublicQuerystring,
	PublicResponse,
	type Slot as SlotBody,
} from '../schemas';
import { readyEngine, type ServiceState } from '../state';

/**
 * A slot with every list present.
 *
 * @param slot The slot as sent.
 */
function toSlot( slot: SlotBody ): Slot {
	return {
		count: slot.count,
		category: slot.category ?? [],
		excludeCategory: slot.exclude_category ?? [],
		tag: slot.tag ?? [],
		excludeTag: slot.exclude_tag ?? [],
		pinned: slot.pinned ?? [],
	};
}

/**
 * The engine's request from a personal or preview body.
 *
 * @param body The body.
 */
function toRequest( body: Static< typeof PersonalBody > ): FeedRequest {
	return {
		context: body.context,
		exclude: body.exclude ?? [],
		slots: body.slots.map( toSlot ),
	};
}

/**
 * Comma-separated ids as numbers.
 *
 * @param list The query value.
 */
const ids = ( list: string | undefined ): number[] =>
	list === undefined ? [] : list.split( ',' ).map( Number );

export const feedRoutes: FastifyPluginAsyncTypebox< {
	state: ServiceState;
} > = async ( app, { state } ) => {
	const errors = { '4xx': ErrorResponse, '5xx': ErrorResponse };

	app.get(
		'/v1/feed',
		{
			schema: {
				querystring: PublicQuerystring,
				response: { 200: PublicResponse, ...errors },
			},
		},
		async ( request ) => {
			const query = request.query;
			return readyEngine( state ).publicFeed( {
				perPage: query.per_page,
				category: ids( query.category ),
				excludeCategory: ids( query.exclude_category ),
				tag: ids( query.tag ),
				excludeTag: ids( query.exclude_tag ),
				exclude: ids( query.exclude ),
				order: query.order,
			} );
		}
	);

	app.post(
		'/v1/feed/personal',
		{
			schema: {
				body: PersonalBody,
				response: { 200: FeedResponse, ...errors },
			},
		},
		async ( request ) =>
			readyEngine( state ).personal(
				profileKeys( request.claims, request.body.visitor ),
				toRequest( request.body )
			)
	);

	app.post(
		'/v1/feed/preview',
		{
			schema: {
				body: PreviewBody,
				response: { 200: FeedResponse, ...errors },
			},
		},
		async ( request ) => {
			const affinities = emptyAffinities();
			for ( const kind of [
				'category',
				'tag',
				'author',
			] as AffinityKind[] ) {
				for ( const [ term, weight ] of Object.entries(
					request.body.profile[ kind ] ?? {}
				) ) {
					affinities[ kind ].set( Number( term ), weight );
				}
			}
			return readyEngine( state ).preview(
				affinities,
				toRequest( request.body )
			);
		}
	);
};

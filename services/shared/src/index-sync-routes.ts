/**
 * Contract C2, the sync endpoints WordPress's re-index and reconciliation jobs call (server-side, with the
 * gateway's token): upsert a batch, remove ids, and list what the service holds so drift can be found. The
 * routes, the per-item checks and the answers are the same in every content service; how a post is kept,
 * and which version wins, is the service's.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Value } from '@sinclair/typebox/value';

import { notPublishableMessage, PublishedPostData } from './content-data';
import {
	ErrorResponse,
	IndexDocumentsBody,
	IndexDocumentsResponse,
	ManifestQuerystring,
	ManifestResponse,
	RemoveDocumentsBody,
	RemoveDocumentsResponse,
	type ManifestPage,
} from './content-schemas';

/** Largest batch body: 500 posts of up to 20,000 characters each, with room for their metadata. */
const BATCH_BODY_LIMIT = 8 * 1024 * 1024;

type Rejection = IndexDocumentsResponse[ 'rejected' ][ number ];

export interface IndexSyncOptions< T > {
	/** What the service does with publishable posts, for the rejection message (`indexed`, `listed`). */
	kept: string;
	/** What the service calls a post in its logs (`Documents`, `Posts`). */
	logNoun: string;
	/** The service's record of a post; null when it is not publishable. */
	toItem: ( data: PublishedPostData ) => T | null;
	/**
	 * Stores the accepted items, the freshest version of an id winning; throws (a 503 HttpError) while the
	 * service is not ready.
	 */
	upsert: (
		items: T[]
	) =>
		| { indexed: number; skipped: number }
		| Promise< { indexed: number; skipped: number } >;
	/** Removes the ids it holds; how many it removed. */
	remove: ( ids: number[] ) => number | Promise< number >;
	/** The ids it holds above `after`, ascending, at most `limit`. */
	manifest: ( after: number, limit: number ) => ManifestPage;
}

/**
 * The id of an item that may not be a valid post, for the rejection report.
 *
 * @param item Anything.
 */
function itemId( item: unknown ): number | null {
	const id = ( item as { id?: unknown } | null )?.id;
	return typeof item === 'object' && Number.isSafeInteger( id )
		? ( id as number )
		: null;
}

/**
 * The `/v1/index/*` routes over the service's store.
 *
 * @param options How the service keeps, removes and lists posts.
 */
export function indexSyncRoutes< T >(
	options: IndexSyncOptions< T >
): FastifyPluginAsyncTypebox {
	const { kept, logNoun, toItem, upsert, remove, manifest } = options;
	return async ( app ) => {
		const errors = { '4xx': ErrorResponse, '5xx': ErrorResponse };

		app.post(
			'/v1/index/documents',
			{
				bodyLimit: BATCH_BODY_LIMIT,
				schema: {
					body: IndexDocumentsBody,
					response: { 200: IndexDocumentsResponse, ...errors },
				},
			},
			async ( request ) => {
				const rejected: Rejection[] = [];
				const incoming: T[] = [];
				for ( const item of request.body.documents ) {
					if ( ! Value.Check( PublishedPostData, item ) ) {
						const error = Value.Errors(
							PublishedPostData,
							item
						).First();
						rejected.push( {
							id: itemId( item ),
							code: 'invalid_document',
							message:
								error === undefined
									? 'The document does not have the expected shape.'
									: `${ error.path || '/' } ${ error.message }`,
						} );
						continue;
					}
					const record = toItem( item );
					if ( record === null ) {
						rejected.push( {
							id: item.id,
							code: 'not_publishable',
							message: notPublishableMessage( kept ),
						} );
						continue;
					}
					incoming.push( record );
				}
				const { indexed, skipped } = await upsert( incoming );
				request.log.info(
					{ indexed, skipped, rejected: rejected.length },
					`${ logNoun } indexed.`
				);
				return { indexed, skipped, rejected };
			}
		);

		app.post(
			'/v1/index/remove',
			{
				schema: {
					body: RemoveDocumentsBody,
					response: { 200: RemoveDocumentsResponse, ...errors },
				},
			},
			async ( request ) => {
				// Duplicates in the request count once.
				const removed = await remove( [
					...new Set( request.body.ids ),
				] );
				request.log.info( { removed }, `${ logNoun } removed.` );
				return { removed };
			}
		);

		app.get(
			'/v1/index/manifest',
			{
				schema: {
					querystring: ManifestQuerystring,
					response: { 200: ManifestResponse, ...errors },
				},
			},
			async ( request ) =>
				manifest( request.query.after, request.query.limit )
		);
	};
}

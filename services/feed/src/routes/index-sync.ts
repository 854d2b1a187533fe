/**
 * The sync endpoints WordPress's re-index and reconciliation jobs call (the search service's contract):
 * upsert a batch, remove ids, and list what the catalogue holds so drift can be found.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';

import { PublishedPostData, toPost, Value, type FeedPost } from '../post';
import {
	ErrorResponse,
	IndexDocumentsBody,
	IndexDocumentsResponse,
	ManifestQuerystring,
	ManifestResponse,
	RemoveDocumentsBody,
	RemoveDocumentsResponse,
} from '../schemas';
import { readyEngine, type ServiceState } from '../state';

/** Largest batch body: 500 posts with their content, as the search service accepts them. */
const BATCH_BODY_LIMIT = 8 * 1024 * 1024;

type Rejection = IndexDocumentsResponse[ 'rejected' ][ number ];

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

export const indexSyncRoutes: FastifyPluginAsyncTypebox< {
	state: ServiceState;
} > = async ( app, { state } ) => {
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
			const engine = readyEngine( state );
			const rejected: Rejection[] = [];
			const incoming: FeedPost[] = [];
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
				const post = toPost( item );
				if ( post === null ) {
					rejected.push( {
						id: item.id,
						code: 'not_publishable',
						message:
							'Only published posts with valid dates are listed.',
					} );
					continue;
				}
				incoming.push( post );
			}
			const { indexed, skipped } = engine.upsert( incoming );
			request.log.info(
				{ indexed, skipped, rejected: rejected.length },
				'Posts indexed.'
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
			const removed = readyEngine( state ).removeIds( request.body.ids );
			request.log.info( { removed }, 'Posts removed.' );
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
			readyEngine( state ).manifest(
				request.query.after,
				request.query.limit
			)
	);
};

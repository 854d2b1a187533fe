/**
 * Contract C2, the sync endpoints WordPress's re-index and reconciliation jobs call (server-side, with the
 * gateway's token): upsert a batch, remove ids, and list what the index holds so drift can be found.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';

import {
	PublishedPostData,
	toDocument,
	Value,
	type SearchDocument,
} from '../documents';
import {
	ErrorResponse,
	IndexDocumentsBody,
	IndexDocumentsResponse,
	ManifestQuerystring,
	ManifestResponse,
	RemoveDocumentsBody,
	RemoveDocumentsResponse,
} from '../schemas';
import { readyStore, type ServiceState } from '../state';
import type { Change } from '../store';

/** Largest batch body: 500 posts of up to 20,000 characters each, with room for their metadata. */
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
			const store = readyStore( state );
			const rejected: Rejection[] = [];
			const incoming: SearchDocument[] = [];
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
				// Only what every visitor may see is indexed.
				const document = toDocument( item );
				if ( document === null ) {
					rejected.push( {
						id: item.id,
						code: 'not_publishable',
						message:
							'Only published posts with valid dates are indexed.',
					} );
					continue;
				}
				incoming.push( document );
			}

			const { indexed, skipped } = await store.commit( ( engine ) => {
				// Within the batch too, the freshest version of an id wins.
				const planned = new Map< number, SearchDocument >();
				let skips = 0;
				for ( const document of incoming ) {
					const current =
						planned.get( document.id ) ?? engine.get( document.id );
					// A re-index batch never overwrites a fresher event.
					if (
						current !== undefined &&
						current.modified > document.modified
					) {
						skips++;
						continue;
					}
					if ( planned.has( document.id ) ) {
						skips++; // The earlier copy in this batch is superseded.
					}
					planned.set( document.id, document );
				}
				const changes: Change[] = [ ...planned.values() ].map(
					( document ) => ( { op: 'put', document } )
				);
				return {
					changes,
					result: { indexed: changes.length, skipped: skips },
				};
			} );
			request.log.info(
				{ indexed, skipped, rejected: rejected.length },
				'Documents indexed.'
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
			const store = readyStore( state );
			const ids = [ ...new Set( request.body.ids ) ];
			const removed = await store.commit( ( engine ) => {
				const changes: Change[] = ids
					.filter( ( id ) => engine.get( id ) !== undefined )
					.map( ( id ) => ( { op: 'remove', id } ) );
				return { changes, result: changes.length };
			} );
			request.log.info( { removed }, 'Documents removed.' );
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
		async ( request ) => {
			readyStore( state );
			const { after, limit } = request.query;
			const engine = state.engine;
			const ids: number[] = [];
			for ( const document of engine.documents() ) {
				if ( document.id > after ) {
					ids.push( document.id );
				}
			}
			ids.sort( ( a, b ) => a - b );
			const page = ids.slice( 0, limit );
			const documents = page.map( ( id ) => {
				const document = engine.get( id ) as SearchDocument;
				return {
					id,
					modified: document.modified,
					fingerprint: document.fingerprint,
				};
			} );
			return {
				documents,
				next:
					ids.length > limit
						? ( page[ page.length - 1 ] as number )
						: null,
				total: engine.size,
			};
		}
	);
};

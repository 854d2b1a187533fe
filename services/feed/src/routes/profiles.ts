/**
 * Privacy: export (`GET /v1/profiles/:key`) and erasure (`DELETE /v1/profiles/:key`, and
 * `POST /v1/profiles/forget` with `{visitor}` for the browser's "Stop personalizing" through the gateway).
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { HttpError } from '@switchboard/service-kit';

import {
	DeletedResponse,
	ErrorResponse,
	ForgetBody,
	ProfileParams,
	ProfileResponse,
} from '../schemas';
import { readyEngine, type ServiceState } from '../state';

export const profileRoutes: FastifyPluginAsyncTypebox< {
	state: ServiceState;
} > = async ( app, { state } ) => {
	const errors = { '4xx': ErrorResponse, '5xx': ErrorResponse };

	app.get(
		'/v1/profiles/:key',
		{
			schema: {
				params: ProfileParams,
				response: { 200: ProfileResponse, ...errors },
			},
		},
		async ( request ) => {
			const exported = readyEngine( state ).exportProfile(
				request.params.key
			);
			if ( exported === null ) {
				throw new HttpError( 404, 'not_found', 'No such profile.' );
			}
			return exported;
		}
	);

	app.delete(
		'/v1/profiles/:key',
		{
			schema: {
				params: ProfileParams,
				response: { 200: DeletedResponse, ...errors },
			},
		},
		async ( request ) => {
			const deleted = readyEngine( state ).erase( request.params.key );
			request.log.info( { deleted }, 'Profile erasure requested.' );
			return { deleted };
		}
	);

	app.post(
		'/v1/profiles/forget',
		{
			schema: {
				body: ForgetBody,
				response: { 200: DeletedResponse, ...errors },
			},
		},
		async ( request ) => ( {
			deleted: readyEngine( state ).erase(
				`a:${ request.body.visitor }`
			),
		} )
	);
};

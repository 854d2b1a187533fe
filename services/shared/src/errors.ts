/**
 * Every error answer of a Switchboard service is JSON `{"code":"snake_case","message":"..."}`, plus
 * `details` (the schema errors) when a request fails validation.
 */
import type { FastifyError, FastifyInstance } from 'fastify';

/** An error with the status and code to answer with. */
export class HttpError extends Error {
	constructor(
		readonly statusCode: number,
		readonly code: string,
		message: string
	) {
		super( message );
	}
}

const BY_FASTIFY_CODE: Record< string, [ number, string ] > = {
	FST_ERR_CTP_INVALID_MEDIA_TYPE: [ 415, 'unsupported_media_type' ],
	FST_ERR_CTP_BODY_TOO_LARGE: [ 413, 'body_too_large' ],
	FST_ERR_CTP_EMPTY_JSON_BODY: [ 400, 'invalid_json' ],
	FST_ERR_CTP_INVALID_CONTENT_LENGTH: [ 400, 'invalid_request' ],
};

export interface ErrorHandlerOptions {
	/** Named in the message of an unexpected failure, e.g. `search`: "The search service failed." */
	serviceName: string;
}

/**
 * Installs the error and not-found handlers.
 *
 * @param app                 The server.
 * @param options             How failures are worded.
 * @param options.serviceName The service's name, for the message of a 500.
 */
export function installErrorHandlers(
	app: FastifyInstance,
	{ serviceName }: ErrorHandlerOptions
): void {
	app.setErrorHandler( ( error: FastifyError, request, reply ) => {
		if ( error instanceof HttpError ) {
			return reply
				.code( error.statusCode )
				.send( { code: error.code, message: error.message } );
		}
		if ( error.validation ) {
			return reply.code( 400 ).send( {
				code: 'invalid_request',
				message: error.message,
				// Which field and which rule: schema paths only, never the submitted values.
				details: error.validation.map( ( issue ) => ( {
					path: issue.instancePath,
					rule: issue.keyword,
					message: issue.message ?? '',
				} ) ),
			} );
		}
		const known = BY_FASTIFY_CODE[ error.code ];
		if ( known ) {
			return reply
				.code( known[ 0 ] )
				.send( { code: known[ 1 ], message: error.message } );
		}
		if (
			error instanceof SyntaxError ||
			error.code === 'FST_ERR_CTP_INVALID_JSON_BODY'
		) {
			return reply.code( 400 ).send( {
				code: 'invalid_json',
				message: 'The body is not valid JSON.',
			} );
		}
		const status = error.statusCode ?? 500;
		if ( status >= 400 && status < 500 ) {
			return reply
				.code( status )
				.send( { code: 'bad_request', message: error.message } );
		}
		request.log.error( { err: error }, 'Request failed.' );
		return reply.code( 500 ).send( {
			code: 'internal_error',
			message: `The ${ serviceName } service failed.`,
		} );
	} );

	app.setNotFoundHandler( ( _request, reply ) =>
		reply
			.code( 404 )
			.send( { code: 'not_found', message: 'No such route.' } )
	);
}

/**
 * What every service's Fastify instance shares: JSON logs that never carry credentials, the gateway's
 * request id kept when it looks like one, and its `traceparent` on every log line of the request.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

import type { FastifyInstance } from 'fastify';

/** Request ids from the gateway are kept when they look like ids; anything else gets a fresh one. */
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** Headers that carry credentials or signatures. */
const SECRET_HEADERS = [
	'authorization',
	'switchboard-signature',
	'stripe-signature',
	'cookie',
];

/** Where log lines go: tests capture them to check that no secret is ever written. */
export interface LogStream {
	write: ( line: string ) => void;
}

export interface LoggerOptions {
	level: string;
	redact: string[];
	/** Where the JSON lines go; stdout when absent. */
	stream?: LogStream;
}

/**
 * Logger options with every credential header redacted. Nothing logs headers today; this keeps tokens and
 * signatures out if someone adds it.
 *
 * @param level  Log level.
 * @param stream Destination of the lines; stdout when absent.
 */
export function loggerOptions(
	level: string,
	stream?: LogStream
): LoggerOptions {
	const redact = SECRET_HEADERS.flatMap( ( name ) => [
		`req.headers["${ name }"]`,
		`headers["${ name }"]`,
	] );
	return stream === undefined ? { level, redact } : { level, redact, stream };
}

/**
 * The request id: the gateway's `x-request-id` when it looks like an id, else a fresh UUID.
 *
 * @param request The raw request.
 */
export function requestId( request: IncomingMessage ): string {
	const given = request.headers[ 'x-request-id' ];
	return typeof given === 'string' && REQUEST_ID.test( given )
		? given
		: randomUUID();
}

/**
 * Echoes the request id and binds a valid `traceparent` to the request's logger.
 *
 * @param app The server.
 */
export function installRequestContext( app: FastifyInstance ): void {
	app.addHook( 'onRequest', async ( request, reply ) => {
		reply.header( 'x-request-id', request.id );
		const traceparent = request.headers.traceparent;
		if (
			typeof traceparent === 'string' &&
			/^[0-9a-f-]{55}$/.test( traceparent )
		) {
			request.log = request.log.child( { traceparent } );
		}
	} );
}

export interface ServerOptionsInput {
	logLevel: string;
	/** Where log lines go; stdout when absent. */
	logStream?: LogStream;
	/** Largest body accepted, in bytes. */
	bodyLimit: number;
	/** Longest a request may take to arrive, in milliseconds. */
	requestTimeout: number;
}

/**
 * Fastify options every service uses: the redacting logger, the gateway's request ids, and schema
 * validation that refuses unknown parameters instead of silently dropping them.
 *
 * @param input                Per-service values.
 * @param input.logLevel       Log level.
 * @param input.logStream      Where log lines go.
 * @param input.bodyLimit      Largest body, in bytes.
 * @param input.requestTimeout Longest a request may take to arrive, in milliseconds.
 */
export function serverOptions( {
	logLevel,
	logStream,
	bodyLimit,
	requestTimeout,
}: ServerOptionsInput ) {
	return {
		logger: loggerOptions( logLevel, logStream ),
		genReqId: requestId,
		bodyLimit,
		requestTimeout,
		ajv: {
			customOptions: {
				removeAdditional: false as const,
				coerceTypes: 'array' as const,
				useDefaults: true,
				allErrors: false,
			},
		},
	};
}

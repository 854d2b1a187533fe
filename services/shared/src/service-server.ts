/**
 * The Fastify instance every service starts from, before its routes: the redacting JSON logger and request
 * ids (serverOptions), JSON errors, the gateway token on every route but the public ones, and the request
 * context on every log line.
 */
import Fastify, { type FastifyInstance } from 'fastify';

import { installAuth } from './auth';
import { installErrorHandlers } from './errors';
import {
	installRequestContext,
	serverOptions,
	type LogStream,
} from './request-context';
import type { Verifier } from './verifier';

export interface ServiceServerOptions {
	/** Named in the message of an unexpected failure, e.g. `search`. */
	serviceName: string;
	verifier: Verifier;
	/** Route patterns (as registered) that need no gateway token. */
	publicRoutes: ReadonlySet< string >;
	logLevel: string;
	/** Where log lines go; stdout when absent. */
	logStream?: LogStream;
	/** Largest body accepted, in bytes. */
	bodyLimit: number;
	/** Longest a request may take to arrive, in milliseconds. */
	requestTimeout: number;
}

/**
 * @param options The service's name, token check and limits.
 */
export function createServiceServer(
	options: ServiceServerOptions
): FastifyInstance {
	const app = Fastify(
		serverOptions( {
			logLevel: options.logLevel,
			logStream: options.logStream,
			bodyLimit: options.bodyLimit,
			requestTimeout: options.requestTimeout,
		} )
	);
	installErrorHandlers( app, { serviceName: options.serviceName } );
	installAuth( app, options.verifier, options.publicRoutes );
	installRequestContext( app );
	return app;
}

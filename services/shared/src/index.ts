/**
 * The Switchboard service kit: what every service shares.
 */
export {
	createVerifier,
	keepKeysFresh,
	VerifyError,
	type ServiceClaims,
	type Verifier,
	type VerifierOptions,
	type VerifyErrorCode,
	type VerifyResult,
} from './verifier';
export { installAuth } from './auth';
export {
	HttpError,
	installErrorHandlers,
	type ErrorHandlerOptions,
} from './errors';
export {
	installRequestContext,
	loggerOptions,
	requestId,
	serverOptions,
	type LoggerOptions,
	type LogStream,
	type ServerOptionsInput,
} from './request-context';
export {
	checkSignature,
	computeSignature,
	EVENT_ID_PATTERN,
	SIGNATURE_TOLERANCE_SEC,
	type SignatureCheck,
} from './signature';
export {
	ConfigError,
	duration,
	hostFrom,
	httpUrl,
	LOG_LEVELS,
	logLevelFrom,
	portFrom,
	wordpressSiteFrom,
	type WordPressSite,
} from './config';
export {
	runService,
	type RunningService,
	type RunServiceOptions,
} from './run-service';
export { keepGatewayKeysFresh } from './gateway-keys';
export {
	gatewayVerifier,
	type GatewaySite,
	type ServiceBaseConfig,
} from './gateway-verifier';
export {
	createServiceServer,
	type ServiceServerOptions,
} from './service-server';
export {
	healthRoutes,
	type HealthRoutesOptions,
	type Readiness,
} from './health';

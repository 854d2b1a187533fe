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

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

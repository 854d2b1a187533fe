<?php
/**
 * Bearer service tokens on gateway requests.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Identity;

use Switchboard\Gateway\RequestSigner;
use Switchboard\Gateway\Service;

/**
 * Signs each request to a service with a fresh short-lived JWT whose audience is that service's id.
 */
final class BearerRequestSigner implements RequestSigner {

	/**
	 * Sets the token source.
	 *
	 * @param ServiceTokens $tokens Signs tokens for this site.
	 */
	public function __construct( private readonly ServiceTokens $tokens ) {
	}

	/**
	 * An `Authorization: Bearer <jwt>` header for the service.
	 *
	 * @param Service $service The service being called.
	 * @return array<string, string>
	 */
	public function headers_for( Service $service ): array {
		return array( 'Authorization' => 'Bearer ' . $this->tokens->token_for( $service->id ) );
	}
}

<?php
/**
 * Contract for adding credentials to requests to services.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Gateway;

/**
 * Supplies headers (such as an Authorization bearer token) for one request to one service.
 *
 * Implemented by the service identity module; the client merges the returned headers after the caller's,
 * so a signer's headers win.
 */
interface RequestSigner {

	/**
	 * Headers to send to the service, names as keys.
	 *
	 * @param Service $service The service being called.
	 * @return array<string, string>
	 */
	public function headers_for( Service $service ): array;
}

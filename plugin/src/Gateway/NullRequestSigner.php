<?php
/**
 * A request signer that adds nothing.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Gateway;

/**
 * The default signer, used until service identity is wired in.
 */
final class NullRequestSigner implements RequestSigner {

	/**
	 * No headers.
	 *
	 * @param Service $service The service being called.
	 * @return array<string, string>
	 */
	public function headers_for( Service $service ): array {
		return array();
	}
}

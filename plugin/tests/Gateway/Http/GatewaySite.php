<?php
/**
 * A served test site whose gateway routes point at a fault-injecting upstream.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Tests\Gateway\Http;

use Switchboard\Tests\Support\FaultServer;
use Switchboard\Tests\Support\NativeSite;

/**
 * Starts an upstream and a bin/wp-server site with gateway-test-mu-plugin.php and its settings, for the
 * test classes that drive the gateway over HTTP.
 */
final class GatewaySite {

	/**
	 * Builds the pair; use start().
	 *
	 * @param NativeSite  $site     The served site.
	 * @param FaultServer $upstream The upstream its test services point at.
	 */
	private function __construct(
		public readonly NativeSite $site,
		public readonly FaultServer $upstream
	) {
	}

	/**
	 * Starts the upstream and the site.
	 *
	 * @param string $name     Site name.
	 * @param int    $limit    Requests per hour on the `fault/limited` routes.
	 * @param int    $cooldown Seconds a circuit stays open.
	 * @return self
	 */
	public static function start( string $name, int $limit, int $cooldown ): self {
		$upstream = FaultServer::start();
		$site     = NativeSite::start( $name );
		file_put_contents(
			$site->content_dir() . '/mu-plugins/switchboard-http-test.json',
			(string) json_encode(
				array(
					'upstream' => $upstream->url(),
					'limit'    => $limit,
					'cooldown' => $cooldown,
				)
			)
		);
		$site->add_mu_plugin( 'switchboard-http-test.php', (string) file_get_contents( __DIR__ . '/gateway-test-mu-plugin.php' ) );

		return new self( $site, $upstream );
	}

	/**
	 * A gateway URL with query arguments.
	 *
	 * @param string                $path  Path below the namespace.
	 * @param array<string, string> $query Query.
	 * @return string
	 */
	public function api( string $path, array $query = array() ): string {
		return $this->site->url() . '/wp-json/switchboard/v1' . $path . ( array() === $query ? '' : '?' . http_build_query( $query ) );
	}

	/**
	 * Stops the site and the upstream.
	 */
	public function stop(): void {
		$this->site->stop();
		$this->upstream->stop();
	}
}

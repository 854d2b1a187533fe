<?php
/**
 * The feed service's profile endpoints, for WordPress's privacy tools.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Feed;

use Switchboard\Gateway\Service;
use Switchboard\Gateway\ServiceClient;
use Switchboard\Gateway\ServiceRegistry;
use WP_Error;

/**
 * Reads and deletes a user's feed profile (`u:<user id>`) through the gateway's ServiceClient, so the call
 * carries the gateway's JWT, its timeouts and circuit breaker like every other.
 */
final class FeedProfilesClient {

	/**
	 * The feed service's id.
	 */
	public const SERVICE_ID = 'feed';

	/**
	 * Stores the collaborators.
	 *
	 * @param ServiceRegistry $registry The services.
	 * @param ServiceClient   $client   Calls them.
	 */
	public function __construct(
		private readonly ServiceRegistry $registry,
		private readonly ServiceClient $client
	) {
	}

	/**
	 * A user's profile key at the service.
	 *
	 * @param int $user_id User id.
	 * @return string
	 */
	public static function key( int $user_id ): string {
		return 'u:' . $user_id;
	}

	/**
	 * The user's profile, null when the service has none, or the error that kept it from answering.
	 *
	 * @param int $user_id User id.
	 * @return array<mixed>|WP_Error|null
	 */
	public function export( int $user_id ): array|WP_Error|null {
		$service = $this->service();
		if ( $service instanceof WP_Error ) {
			return $service;
		}
		$answer = $this->client->request( $service, 'GET', '/v1/profiles/' . self::key( $user_id ) );
		if ( $answer instanceof WP_Error && 404 === self::status( $answer ) ) {
			return null;
		}

		return $answer;
	}

	/**
	 * Deletes the user's profile: whether there was one, or the error that kept the service from answering.
	 *
	 * @param int $user_id User id.
	 * @return bool|WP_Error
	 */
	public function erase( int $user_id ): bool|WP_Error {
		$service = $this->service();
		if ( $service instanceof WP_Error ) {
			return $service;
		}
		$answer = $this->client->request( $service, 'DELETE', '/v1/profiles/' . self::key( $user_id ) );
		if ( $answer instanceof WP_Error ) {
			return 404 === self::status( $answer ) ? false : $answer;
		}

		return true === ( $answer['deleted'] ?? null );
	}

	/**
	 * Whether an error means the service is not configured at all (rather than failing).
	 *
	 * @param WP_Error $error Error from export() or erase().
	 * @return bool
	 */
	public static function is_not_configured( WP_Error $error ): bool {
		return 'switchboard_service_not_configured' === $error->get_error_code();
	}

	/**
	 * The configured feed service, or the error.
	 *
	 * @return Service|WP_Error
	 */
	private function service(): Service|WP_Error {
		$service = $this->registry->get( self::SERVICE_ID );
		if ( null === $service || ! $service->is_configured() ) {
			return new WP_Error(
				'switchboard_service_not_configured',
				__( 'This service is not configured.', 'switchboard' ),
				array(
					'status'  => 503,
					'service' => self::SERVICE_ID,
				)
			);
		}

		return $service;
	}

	/**
	 * The status an error carries.
	 *
	 * @param WP_Error $error Error.
	 * @return int
	 */
	private static function status( WP_Error $error ): int {
		$data = $error->get_error_data();

		return is_array( $data ) && is_int( $data['status'] ?? null ) ? $data['status'] : 500;
	}
}

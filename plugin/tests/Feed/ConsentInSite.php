<?php
/**
 * The body of consent-in-site.php.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Tests\Feed;

use Switchboard\Feed\Consent;
use Switchboard\Gateway\ServiceRegistry;
use Switchboard\Tests\Support\Site;
use Switchboard\Tests\Support\SiteScript;
use WP_REST_Request;

/**
 * Loads the site (with the WP Consent API's function declared), then reports the consent mode and the
 * statuses of the visitor routes for each cookie.
 */
final class ConsentInSite {

	/**
	 * Runs the script.
	 *
	 * @param list<string> $argv Script, site folder, core folder, upstream URL.
	 * @return int Exit code.
	 */
	public static function main( array $argv ): int {
		if ( count( $argv ) < 4 ) {
			fwrite( STDERR, "Usage: php consent-in-site.php <site dir> <core dir> <upstream url>\n" );
			return 2;
		}

		( new Site( $argv[1], $argv[2] ) )->load();
		update_option( ServiceRegistry::OPTION, array( 'feed' => $argv[3] ) );

		$report = array(
			'browser' => Consent::for_browser(),
			'none'    => self::statuses(),
		);

		$_COOKIE['wp_consent_preferences'] = 'allow';
		$report['allowed']                 = self::statuses();
		$report['server_check']            = Consent::allows_server_check();

		$_COOKIE['wp_consent_preferences'] = 'deny';
		$report['denied']                  = self::statuses();

		add_filter( 'switchboard_feed_consent_category', static fn(): string => 'statistics' );
		$_COOKIE['wp_consent_preferences'] = 'allow';
		$report['other_category']          = self::statuses();
		$report['other_browser']           = Consent::for_browser();

		echo wp_json_encode( $report ); // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- JSON for the parent process.

		return 0;
	}

	/**
	 * The command-line arguments as a list of strings.
	 *
	 * @param mixed $argv `$_SERVER['argv']`.
	 * @return list<string>
	 */
	public static function arguments( mixed $argv ): array {
		return SiteScript::arguments( $argv );
	}

	/**
	 * Status and error code of each visitor route.
	 *
	 * @return array<string, array{status: int, code: string|null}>
	 */
	private static function statuses(): array {
		$bodies = array(
			'/feed/personal' => array( 'slots' => array( array( 'count' => 2 ) ) ),
			'/feed/events'   => array(
				'visitor' => 'AbCdEfGhIjKlMnOpQr_-12',
				'events'  => array(
					array(
						'type' => 'view',
						'post' => 1,
					),
				),
			),
			'/feed/forget'   => array( 'visitor' => 'AbCdEfGhIjKlMnOpQr_-12' ),
		);

		$statuses = array();
		foreach ( $bodies as $path => $body ) {
			$request = new WP_REST_Request( 'POST', '/switchboard/v1' . $path );
			$request->set_header( 'content-type', 'application/json' );
			$request->set_body( (string) wp_json_encode( $body ) );
			$response = rest_get_server()->dispatch( $request );
			$data     = $response->get_data();

			$statuses[ $path ] = array(
				'status' => $response->get_status(),
				'code'   => is_array( $data ) && is_string( $data['code'] ?? null ) ? $data['code'] : null,
			);
		}

		return $statuses;
	}
}

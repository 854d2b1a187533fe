<?php
/**
 * Logging in to a served site the way a browser does.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Tests\Support;

/**
 * For the tests that talk to a real served site over HTTP, where a cookie from wp-login.php is the only
 * way to be an administrator.
 */
trait LogsInThroughWpLogin {

	/**
	 * Logs the site's admin in through wp-login.php and returns the cookie jar (the caller deletes it).
	 *
	 * @param NativeSite $site The served site.
	 * @return string Cookie jar file.
	 */
	private static function log_in_as_admin( NativeSite $site ): string {
		$jar = (string) tempnam( sys_get_temp_dir(), 'switchboard-cookies-' );
		HttpClient::request( $site->url() . '/wp-login.php', array(), 'GET', null, $jar ); // Sets the test cookie.
		$login = HttpClient::request(
			$site->url() . '/wp-login.php',
			array( 'Content-Type' => 'application/x-www-form-urlencoded' ),
			'POST',
			http_build_query(
				array(
					'log'        => 'admin',
					'pwd'        => 'password',
					'testcookie' => '1',
				)
			),
			$jar
		);
		self::assertSame( 302, $login['status'], 'The test could not log in.' );

		return $jar;
	}
}

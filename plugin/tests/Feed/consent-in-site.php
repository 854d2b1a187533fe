<?php
/**
 * Asks a test site's feed routes for a personal feed and sends events with and without a WP Consent API
 * cookie, in its own PHP process; see ConsentApiTest.
 *
 * A consent plugin's `wp_has_consent()` is declared here, in a process of its own, because once declared a
 * function cannot be removed: in the PHPUnit process it would switch every later test to that mode.
 *
 * Usage: php consent-in-site.php <site dir> <core dir> <upstream url>
 *
 * @package Switchboard
 */

declare( strict_types=1 );

require dirname( __DIR__, 3 ) . '/vendor/autoload.php';

/**
 * The WP Consent API's check, as consent plugins implement it: the category's cookie says `allow`.
 *
 * @param string $category Consent category.
 * @return bool
 */
function wp_has_consent( string $category ): bool { // phpcs:ignore WordPress.NamingConventions.PrefixAllGlobals.NonPrefixedFunctionFound -- the WP Consent API's own function.
	return 'allow' === ( $_COOKIE[ 'wp_consent_' . $category ] ?? '' );
}

// phpcs:ignore WordPress.Security.ValidatedSanitizedInput, WordPress.Security.EscapeOutput.OutputNotEscaped -- command-line arguments in, an integer exit code out.
exit( Switchboard\Tests\Feed\ConsentInSite::main( Switchboard\Tests\Feed\ConsentInSite::arguments( $_SERVER['argv'] ?? array() ) ) );

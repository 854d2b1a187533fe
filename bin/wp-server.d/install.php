<?php
/**
 * Installs WordPress into a native site's empty database (no WP-CLI: it is in neither registry here).
 * Does nothing when the site is installed already. Prints one line saying which.
 *
 * @package Switchboard
 */

declare(strict_types=1);

define( 'WP_INSTALLING', true ); // phpcs:ignore WordPress.NamingConventions.PrefixAllGlobals -- WordPress's own constant.

require __DIR__ . '/cli-bootstrap.php';

/**
 * Replaces the pluggable "new site" e-mail: there is no mail transport on these machines, and the
 * credentials are fixed and documented anyway.
 */
function wp_new_blog_notification(): void { // phpcs:ignore WordPress.NamingConventions.PrefixAllGlobals -- replaces the pluggable function.
}

require_once ABSPATH . 'wp-admin/includes/upgrade.php';

if ( is_blog_installed() ) {
	fwrite( STDOUT, "installed already\n" );
	return;
}

$switchboard_result = wp_install( 'Switchboard', 'admin', 'admin@example.com', true, '', 'password' );
if ( empty( $switchboard_result['user_id'] ) ) {
	fwrite( STDERR, "wp_install() did not create the admin account.\n" );
	exit( 1 );
}
// Pretty permalinks, like wp-env's sites; php -S gets them from router.php.
$GLOBALS['wp_rewrite']->set_permalink_structure( '/%postname%/' );
update_option( 'timezone_string', 'UTC' );
fwrite( STDOUT, "installed WordPress {$GLOBALS['wp_version']}\n" );

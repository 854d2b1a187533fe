<?php
/**
 * `bin/wp-server php FILE [ARGS...]`: runs FILE with the site's WordPress loaded, like a front-end request
 * from no logged-in user. $argv inside FILE is [FILE, ARGS...].
 *
 * @package Switchboard
 */

declare(strict_types=1);

if ( $argc < 2 || ! is_file( $argv[1] ) ) {
	fwrite( STDERR, "usage: bin/wp-server php FILE [ARGS...]\n" );
	exit( 2 );
}
// phpcs:disable WordPress.WP.GlobalVariablesOverride,WordPress.NamingConventions.PrefixAllGlobals -- PHP's own $argv, handed on to FILE.
array_shift( $argv );
$argv[0]         = (string) realpath( $argv[0] );
$argc            = count( $argv );
$_SERVER['argv'] = $argv;
$_SERVER['argc'] = $argc;
// phpcs:enable

require __DIR__ . '/cli-bootstrap.php';

require $argv[0];

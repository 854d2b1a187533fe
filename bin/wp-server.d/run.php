<?php
/**
 * `bin/wp-server php FILE [ARGS...]`: runs FILE with the site's WordPress loaded, like a front-end request
 * from no logged-in user. $argv inside FILE is [FILE, ARGS...].
 */

declare(strict_types=1);

if ( $argc < 2 || ! is_file( $argv[1] ) ) {
	fwrite( STDERR, "usage: bin/wp-server php FILE [ARGS...]\n" );
	exit( 2 );
}
$switchboard_file = (string) realpath( $argv[1] );
array_shift( $argv );
$argc            = count( $argv );
$_SERVER['argv'] = $argv;
$_SERVER['argc'] = $argc;

require __DIR__ . '/cli-bootstrap.php';

require $switchboard_file;

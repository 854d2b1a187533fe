<?php
/**
 * Router for `php -S`: what Apache's .htaccess or nginx's try_files do for WordPress.
 *
 * Existing files are served by the built-in server itself (static files with their MIME type, .php files
 * executed); folders get their index.php; everything else goes to index.php, which gives pretty
 * permalinks. Dotfiles are refused so nothing like .ht.sqlite can ever be downloaded.
 *
 * @package Switchboard
 */

declare(strict_types=1);

// Runs in the global scope WordPress is loaded into, so this file leaves no variables behind.
$switchboard_route = ( static function (): ?string {
	$root = rtrim( (string) $_SERVER['DOCUMENT_ROOT'], '/' );
	$path = rawurldecode( (string) parse_url( (string) ( $_SERVER['REQUEST_URI'] ?? '/' ), PHP_URL_PATH ) );

	if ( str_contains( $path, '/.' ) ) {
		http_response_code( 403 );
		return '';
	}
	$file = $root . $path;
	if ( '/' !== $path && is_dir( $file ) ) {
		if ( ! str_ends_with( $path, '/' ) ) {
			// /wp-admin must become /wp-admin/, or every relative URL on the page resolves one level up.
			$query = (string) parse_url( (string) $_SERVER['REQUEST_URI'], PHP_URL_QUERY );
			header( 'Location: ' . $path . '/' . ( '' === $query ? '' : '?' . $query ), true, 301 );
			return '';
		}
		return is_file( $file . 'index.php' ) ? null : $root . '/index.php';
	}
	if ( is_file( $file ) ) {
		return null;
	}
	return $root . '/index.php';
} )();

if ( null === $switchboard_route ) {
	unset( $switchboard_route );
	return false;
}
if ( '' === $switchboard_route ) {
	unset( $switchboard_route );
	return true;
}
// WordPress parses the request from REQUEST_URI and PHP_SELF: present the request as one for /index.php.
$_SERVER['SCRIPT_NAME']     = '/index.php';
$_SERVER['PHP_SELF']        = '/index.php';
$_SERVER['SCRIPT_FILENAME'] = $switchboard_route;
chdir( dirname( $switchboard_route ) );
unset( $switchboard_route );
require $_SERVER['SCRIPT_FILENAME'];

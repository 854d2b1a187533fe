<?php
/**
 * Brings an installed native site to the project's state: the switchboard plugin active, the
 * switchboard-theme theme active (once per database, so a theme chosen by hand later is respected),
 * demo content seeded. Safe to run on every start.
 *
 * Exit status: 0 fine, 3 the plugin could not be activated (everything else was still done).
 */

declare(strict_types=1);

require __DIR__ . '/cli-bootstrap.php';
require_once ABSPATH . 'wp-admin/includes/plugin.php';
require_once dirname( __DIR__ ) . '/demo-content/load.php';

use SwitchboardDev\DemoContent\Seeder;

$switchboard_status = ( static function (): int {
	$admin = get_user_by( 'login', 'admin' );
	wp_set_current_user( $admin ? $admin->ID : 0 );
	$status = 0;

	$plugin = 'switchboard/switchboard.php';
	if ( ! is_file( WP_PLUGIN_DIR . '/' . $plugin ) ) {
		echo "plugin: plugin/switchboard.php does not exist yet; nothing to activate\n";
	} elseif ( is_plugin_active( $plugin ) ) {
		echo "plugin: switchboard is active\n";
	} else {
		$result = activate_plugin( $plugin );
		if ( is_wp_error( $result ) ) {
			$data = $result->get_error_data();
			fwrite(
				STDERR,
				"\n!!! The switchboard plugin could not be activated: " . $result->get_error_message() . "\n"
				. ( is_string( $data ) && '' !== $data ? "!!! Its output was:\n$data\n" : '' ) . "\n"
			);
			$status = 3;
		} else {
			echo "plugin: activated switchboard\n";
		}
	}

	$theme = wp_get_theme( 'switchboard-theme' );
	if ( ! $theme->exists() ) {
		echo 'theme: theme/ is empty; keeping ' . get_stylesheet() . "\n";
	} elseif ( $theme->errors() ) {
		fwrite( STDERR, 'theme: switchboard-theme is not usable yet: ' . $theme->errors()->get_error_message() . "\n" );
	} elseif ( get_stylesheet() === 'switchboard-theme' ) {
		echo "theme: switchboard-theme is active\n";
	} elseif ( ! get_option( 'switchboard_dev_theme_activated' ) ) {
		switch_theme( 'switchboard-theme' );
		update_option( 'switchboard_dev_theme_activated', 1, false );
		echo "theme: activated switchboard-theme\n";
	} else {
		echo 'theme: ' . get_stylesheet() . " was chosen by hand; leaving it\n";
	}

	$seed = Seeder::run();
	echo 'demo content: ' . $seed['status']
		. ( $seed['stats'] ? ' in ' . $seed['seconds'] . 's (' . http_build_query( $seed['stats'], '', ', ' ) . ')' : '' ) . "\n";

	// Rebuilt on the next request, when the plugin's and theme's rewrite rules are registered.
	delete_option( 'rewrite_rules' );
	return $status;
} )();

exit( $switchboard_status );

<?php
/**
 * Brings an installed native site to the project's state: the switchboard plugin active, the
 * switchboard-theme theme active (once per database, so a theme chosen by hand later is respected),
 * demo content seeded. Safe to run on every start.
 *
 * Exit status: 0 fine, 3 the plugin could not be activated (everything else was still done).
 *
 * @package Switchboard
 */

declare(strict_types=1);

require __DIR__ . '/cli-bootstrap.php';
require_once ABSPATH . 'wp-admin/includes/plugin.php';
require_once dirname( __DIR__ ) . '/demo-content/load.php';

use SwitchboardDev\DemoContent\Seeder;

exit(
	( static function (): int {
		$say   = static function ( string $line, $stream = STDOUT ): void {
			fwrite( $stream, $line . "\n" );
		};
		$admin = get_user_by( 'login', 'admin' );
		wp_set_current_user( $admin ? $admin->ID : 0 );
		$status = 0;

		$plugin = 'switchboard/switchboard.php';
		if ( ! is_file( WP_PLUGIN_DIR . '/' . $plugin ) ) {
			$say( 'plugin: plugin/switchboard.php does not exist yet; nothing to activate' );
		} elseif ( is_plugin_active( $plugin ) ) {
			$say( 'plugin: switchboard is active' );
		} else {
			$result = activate_plugin( $plugin );
			if ( is_wp_error( $result ) ) {
				$data = $result->get_error_data();
				$say(
					"\n!!! The switchboard plugin could not be activated: " . $result->get_error_message()
					. ( is_string( $data ) && '' !== $data ? "\n!!! Its output was:\n$data" : '' ) . "\n",
					STDERR
				);
				$status = 3;
			} else {
				$say( 'plugin: activated switchboard' );
			}
		}

		$theme = wp_get_theme( 'switchboard-theme' );
		if ( ! $theme->exists() ) {
			$say( 'theme: theme/ is empty; keeping ' . get_stylesheet() );
		} elseif ( $theme->errors() ) {
			$say( 'theme: switchboard-theme is not usable yet: ' . $theme->errors()->get_error_message(), STDERR );
		} elseif ( get_stylesheet() === 'switchboard-theme' ) {
			$say( 'theme: switchboard-theme is active' );
		} elseif ( ! get_option( 'switchboard_dev_theme_activated' ) ) {
			switch_theme( 'switchboard-theme' );
			update_option( 'switchboard_dev_theme_activated', 1, false );
			$say( 'theme: activated switchboard-theme' );
		} else {
			$say( 'theme: ' . get_stylesheet() . ' was chosen by hand; leaving it' );
		}

		$seed = Seeder::run();
		$say(
			'demo content: ' . $seed['status']
			. ( $seed['stats'] ? ' in ' . $seed['seconds'] . 's (' . http_build_query( $seed['stats'], '', ', ' ) . ')' : '' )
		);

		// Rebuilt on the next request, when the plugin's and theme's rewrite rules are registered.
		delete_option( 'rewrite_rules' );
		return $status;
	} )()
);

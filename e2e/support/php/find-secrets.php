<?php
/**
 * Run with `bin/wp-server php`: prints, as JSON, every place in the site's database (table and column) whose
 * value looks like a Stripe secret key, restricted key or webhook secret. The values themselves are never
 * printed.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

global $wpdb;
$switchboard_hits = array();
foreach ( $wpdb->get_col( 'SHOW TABLES' ) as $switchboard_table ) {
	// phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- a test probe reading every table.
	$switchboard_rows = $wpdb->get_results( "SELECT * FROM `{$switchboard_table}`", ARRAY_A );
	foreach ( is_array( $switchboard_rows ) ? $switchboard_rows : array() as $switchboard_row ) {
		foreach ( $switchboard_row as $switchboard_column => $switchboard_value ) {
			if ( is_string( $switchboard_value ) && 1 === preg_match( '/\b(?:sk|rk)_(?:test|live)_[A-Za-z0-9_]{10,}|\bwhsec_[A-Za-z0-9+\/=_-]{10,}/', $switchboard_value ) ) {
				$switchboard_hits[] = $switchboard_table . '.' . $switchboard_column;
			}
		}
	}
}
echo wp_json_encode( array_values( array_unique( $switchboard_hits ) ) );

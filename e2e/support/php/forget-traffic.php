<?php
/**
 * Run with `bin/wp-server php`: forgets the gateway's request metrics. The e2e set-up runs it once the site
 * is up, because `bin/wp-server` probes the front page as it starts (and the theme's front page holds a feed
 * block, which asks the feed service): that is the harness's traffic, and the settings journeys begin from
 * a site no visitor has used yet.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

use Switchboard\Gateway\Metrics\MetricsTable;

global $wpdb;
// phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQLPlaceholders, WordPress.DB.PreparedSQL.NotPrepared -- a test probe emptying the plugin's own table; %i postdates WPCS 2.3.
$wpdb->query( (string) $wpdb->prepare( 'DELETE FROM %i', MetricsTable::name( $wpdb ) ) );
echo (int) $wpdb->rows_affected;

<?php
/**
 * Times WordPress's own search on the bench site: `new WP_Query( [ 's' => $q, 'posts_per_page' => 10 ] )`,
 * in-process, as a search results page runs it (post caches primed, found_posts counted).
 *
 * Run through `bin/wp-server php --name NAME bench/search-native-query.php QUERIES.json WARMUP [SECONDS MIN]`:
 * QUERIES.json is a JSON array of query strings; the first WARMUP of them run untimed (they fill MariaDB's buffer
 * pool and PHP's opcache like a site that has been up), the rest are timed one by one, stopping early once at
 * least MIN (default 3) are timed and SECONDS have passed (0 or absent: no limit). The query cache WordPress
 * keeps in the object cache (group post-queries) is emptied before each query, so no query is answered from
 * an earlier one, as on a site without a persistent object cache.
 *
 * Prints one JSON line: {"queries":[{"q":"...","ms":12.3,"found":42}, ...],"database":"...","bufferPool":N}.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

( static function ( array $args ): void {
	$file   = (string) ( $args[1] ?? '' );
	$warmup = max( 0, (int) ( $args[2] ?? 0 ) );
	$budget = (float) ( $args[3] ?? 0 );
	$least  = max( 1, (int) ( $args[4] ?? 3 ) );
	// phpcs:ignore WordPress.WP.AlternativeFunctions.file_get_contents_file_get_contents -- a local file the bench wrote.
	$queries = is_file( $file ) ? json_decode( (string) file_get_contents( $file ), true ) : null;
	if ( ! is_array( $queries ) ) {
		fwrite( STDERR, "usage: bench/search-native-query.php QUERIES.json WARMUP [SECONDS MIN]\n" );
		exit( 2 );
	}

	$run = static function ( string $q ): array {
		if ( wp_cache_supports( 'flush_group' ) ) {
			wp_cache_flush_group( 'post-queries' );
		}
		$start = hrtime( true );
		$query = new WP_Query(
			array(
				's'              => $q,
				'posts_per_page' => 10,
			)
		);
		$ms    = ( hrtime( true ) - $start ) / 1e6;
		return array(
			'q'     => $q,
			'ms'    => round( $ms, 3 ),
			'found' => (int) $query->found_posts,
		);
	};

	$timed = array();
	$since = microtime( true );
	foreach ( array_values( $queries ) as $i => $q ) {
		$result = $run( (string) $q );
		if ( $i < $warmup ) {
			$since = microtime( true );
			continue;
		}
		$timed[] = $result;
		// A LIKE scan of 100,000 posts takes seconds: the budget keeps the run short once MIN queries are timed.
		if ( $budget > 0 && count( $timed ) >= $least && microtime( true ) - $since > $budget ) {
			break;
		}
	}
	global $wpdb;
	echo wp_json_encode(
		array(
			'queries'    => $timed,
			'database'   => (string) $wpdb->db_server_info(),
			'bufferPool' => (int) $wpdb->get_var( 'SELECT @@innodb_buffer_pool_size' ),
		)
	) . "\n";
} )( $argv );

<?php
/**
 * Loads generated search documents into the bench site as the rows WordPress itself would write, fast.
 *
 * Run through `bin/wp-server php --name NAME bench/search-native-load.php`, with the documents on standard input
 * as JSON lines (contract C1's post data: what bench/search-corpus.ts generates). It first empties the site's
 * content (posts, pages, meta, comments, terms other than the default category, users other than admin), then:
 * authors become users (role author), categories and tags become terms (wp_insert_term, a few hundred), and the
 * posts go in through $wpdb in multi-row INSERTs of 500 with the columns wp_insert_post() fills in: a unique
 * post_name from the title (suffix -2, -3... as wp_unique_post_slug() would add on an empty table), the guid
 * from get_permalink(), the default comment and ping status, the content as paragraph blocks; then the term
 * relationships and the terms' counts (what _update_post_term_count() counts). wp_insert_post() one by one
 * would take about half an hour at 100,000 documents.
 *
 * Prints one JSON line: {"documents":N,"seconds":S,"terms":N,"authors":N}.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

// phpcs:disable WordPress.DB.DirectDatabaseQuery -- bulk loading is the point of this script.
// phpcs:disable WordPress.DB.PreparedSQL -- table names come from $wpdb; every value is escaped by $wpdb->prepare() per row.

( static function (): void {
	global $wpdb;
	$started = microtime( true );

	wp_defer_term_counting( true );
	wp_suspend_cache_invalidation( true );

	/*
	 * A clean slate: only the corpus is searched, so the native figures compare with the service's.
	 */
	foreach ( array( $wpdb->posts, $wpdb->postmeta, $wpdb->term_relationships, $wpdb->comments, $wpdb->commentmeta ) as $table ) {
		$wpdb->query( "TRUNCATE TABLE {$table}" );
	}
	$default_category = (int) get_option( 'default_category', 1 );
	$wpdb->query( $wpdb->prepare( "DELETE FROM {$wpdb->term_taxonomy} WHERE term_id <> %d", $default_category ) );
	$wpdb->query( $wpdb->prepare( "DELETE FROM {$wpdb->terms} WHERE term_id <> %d", $default_category ) );
	$wpdb->query( "DELETE FROM {$wpdb->termmeta}" );
	$admin = get_user_by( 'login', 'admin' );
	$keep  = $admin ? (int) $admin->ID : 1;
	$wpdb->query( $wpdb->prepare( "DELETE FROM {$wpdb->usermeta} WHERE user_id <> %d", $keep ) );
	$wpdb->query( $wpdb->prepare( "DELETE FROM {$wpdb->users} WHERE ID <> %d", $keep ) );
	wp_suspend_cache_invalidation( false );
	wp_cache_flush();
	wp_suspend_cache_invalidation( true );

	// One commit per batch instead of one per statement (every commit waits for the disk), and the cheapest
	// bcrypt cost for the authors' throwaway passwords: the rows stay what WordPress writes, only faster.
	$wpdb->query( 'START TRANSACTION' );
	add_filter( 'wp_hash_password_options', static fn(): array => array( 'cost' => 4 ) );

	$comment_status = (string) get_default_comment_status( 'post' );
	$ping_status    = (string) get_default_comment_status( 'post', 'pingback' );

	$users    = array(); // Corpus author id => WordPress user id.
	$terms    = array(); // "taxonomy:corpus id" => term_taxonomy_id.
	$slugs    = array(); // post_name => true.
	$posts    = array();
	$links    = array();
	$count    = 0;
	$taxonomy = array(
		'category' => 'category',
		'post_tag' => 'post_tag',
		'tag'      => 'post_tag',
	);

	$user_for = static function ( array $author ) use ( &$users ): int {
		$id = (int) ( $author['id'] ?? 0 );
		if ( ! isset( $users[ $id ] ) ) {
			$name    = (string) ( $author['name'] ?? 'Author ' . $id );
			$login   = 'bench-author-' . $id;
			$user_id = wp_insert_user(
				array(
					'user_login'   => $login,
					'user_pass'    => wp_generate_password( 24 ),
					'user_email'   => $login . '@example.test',
					'display_name' => $name,
					'nickname'     => $name,
					'role'         => 'author',
				)
			);
			if ( is_wp_error( $user_id ) ) {
				fwrite( STDERR, 'bench: cannot create author ' . $name . ': ' . $user_id->get_error_message() . "\n" );
				exit( 1 );
			}
			$users[ $id ] = (int) $user_id;
		}
		return $users[ $id ];
	};

	$term_for = static function ( string $tax, array $term ) use ( &$terms ): int {
		$key = $tax . ':' . (int) ( $term['id'] ?? 0 );
		if ( ! isset( $terms[ $key ] ) ) {
			$name   = (string) ( $term['name'] ?? $key );
			$result = wp_insert_term( $name, $tax );
			if ( is_wp_error( $result ) ) {
				$existing = $result->get_error_data( 'term_exists' );
				if ( ! is_numeric( $existing ) ) {
					fwrite( STDERR, 'bench: cannot create term ' . $name . ': ' . $result->get_error_message() . "\n" );
					exit( 1 );
				}
				$found         = get_term( (int) $existing, $tax );
				$terms[ $key ] = $found instanceof WP_Term ? (int) $found->term_taxonomy_id : 0;
			} else {
				$terms[ $key ] = (int) $result['term_taxonomy_id'];
			}
		}
		return $terms[ $key ];
	};

	$unique_slug = static function ( string $title, int $id ) use ( &$slugs ): string {
		$base = sanitize_title( $title );
		if ( '' === $base ) {
			$base = (string) $id;
		}
		$base = _truncate_post_slug( $base, 200 );
		$slug = $base;
		for ( $suffix = 2; isset( $slugs[ $slug ] ); $suffix++ ) {
			$slug = _truncate_post_slug( $base, 200 - ( strlen( (string) $suffix ) + 1 ) ) . '-' . $suffix;
		}
		$slugs[ $slug ] = true;
		return $slug;
	};

	// Plain text (C1's `content`) as WordPress stores a post written in the editor: paragraph blocks.
	$blocks = static function ( string $text ): string {
		$sentences  = preg_split( '/(?<=[.!?])\s+/', trim( $text ) );
		$paragraphs = array();
		$current    = '';
		$words      = 0;
		foreach ( false === $sentences ? array() : $sentences as $sentence ) {
			$current .= ( '' === $current ? '' : ' ' ) . $sentence;
			// Words are single-space separated (C1's `content`): counting spaces is enough, and cheap.
			$words += substr_count( $sentence, ' ' ) + 1;
			if ( $words >= 90 ) {
				$paragraphs[] = $current;
				$current      = '';
				$words        = 0;
			}
		}
		if ( '' !== $current ) {
			$paragraphs[] = $current;
		}
		$out = array();
		foreach ( $paragraphs as $paragraph ) {
			$out[] = "<!-- wp:paragraph -->\n<p>" . esc_html( $paragraph ) . "</p>\n<!-- /wp:paragraph -->";
		}
		return implode( "\n\n", $out );
	};

	$flush = static function () use ( &$posts, &$links, $wpdb ): void {
		if ( array() !== $posts ) {
			$wpdb->query(
				"INSERT INTO {$wpdb->posts} (ID, post_author, post_date, post_date_gmt, post_content, post_title, post_excerpt, post_status, comment_status, ping_status, post_password, post_name, to_ping, pinged, post_modified, post_modified_gmt, post_content_filtered, post_parent, guid, menu_order, post_type, post_mime_type, comment_count) VALUES "
				. implode( ',', $posts )
			);
			if ( '' !== $wpdb->last_error ) {
				fwrite( STDERR, 'bench: inserting posts failed: ' . $wpdb->last_error . "\n" );
				exit( 1 );
			}
		}
		if ( array() !== $links ) {
			$wpdb->query( "INSERT INTO {$wpdb->term_relationships} (object_id, term_taxonomy_id, term_order) VALUES " . implode( ',', $links ) );
		}
		$posts = array();
		$links = array();
		$wpdb->query( 'COMMIT' );
		$wpdb->query( 'START TRANSACTION' );
	};

	$mysql_date = static function ( string $iso, string $format ): string {
		$time = strtotime( $iso );
		return false === $time ? '0000-00-00 00:00:00' : gmdate( $format, $time );
	};

	// phpcs:ignore WordPress.WP.AlternativeFunctions.file_system_operations_fopen -- reading standard input.
	$input = fopen( 'php://stdin', 'r' );
	while ( false !== $input && ( $line = fgets( $input ) ) !== false ) { // phpcs:ignore Generic.CodeAnalysis.AssignmentInCondition.FoundInWhileCondition
		$line = trim( $line );
		if ( '' === $line ) {
			continue;
		}
		$doc = json_decode( $line, true );
		if ( ! is_array( $doc ) || ! isset( $doc['id'], $doc['title'] ) ) {
			fwrite( STDERR, "bench: a line on standard input is not a document\n" );
			exit( 1 );
		}
		$id          = (int) $doc['id'];
		$title       = (string) $doc['title'];
		$author      = $user_for( is_array( $doc['author'] ?? null ) ? $doc['author'] : array() );
		$date        = $mysql_date( (string) ( $doc['date'] ?? 'now' ), 'Y-m-d H:i:s' );
		$modified    = $mysql_date( (string) ( $doc['modified'] ?? ( $doc['date'] ?? 'now' ) ), 'Y-m-d H:i:s' );
		$row         = array(
			'ID'             => $id,
			'post_author'    => $author,
			'post_date'      => get_date_from_gmt( $date ),
			'post_date_gmt'  => $date,
			'post_content'   => $blocks( (string) ( $doc['content'] ?? '' ) ),
			'post_title'     => $title,
			'post_excerpt'   => (string) ( $doc['excerpt'] ?? '' ),
			'post_status'    => 'publish',
			'comment_status' => $comment_status,
			'ping_status'    => $ping_status,
			'post_name'      => $unique_slug( $title, $id ),
			'post_modified'  => get_date_from_gmt( $modified ),
			'post_type'      => 'post',
		);
		$row['guid'] = (string) get_permalink( new WP_Post( (object) ( $row + array( 'filter' => 'raw' ) ) ) );
		$posts[]     = $wpdb->prepare(
			"(%d, %d, %s, %s, %s, %s, %s, %s, %s, %s, '', %s, '', '', %s, %s, '', 0, %s, 0, %s, '', 0)",
			$row['ID'],
			$row['post_author'],
			$row['post_date'],
			$row['post_date_gmt'],
			$row['post_content'],
			$row['post_title'],
			$row['post_excerpt'],
			$row['post_status'],
			$row['comment_status'],
			$row['ping_status'],
			$row['post_name'],
			$row['post_modified'],
			$modified,
			$row['guid'],
			$row['post_type']
		);
		$doc_terms   = is_array( $doc['terms'] ?? null ) ? $doc['terms'] : array();
		$has_cat     = false;
		foreach ( $doc_terms as $tax => $list ) {
			if ( ! isset( $taxonomy[ $tax ] ) || ! is_array( $list ) ) {
				continue;
			}
			foreach ( $list as $term ) {
				if ( is_array( $term ) ) {
					$links[] = $wpdb->prepare( '(%d, %d, 0)', $id, $term_for( $taxonomy[ $tax ], $term ) );
					$has_cat = $has_cat || 'category' === $taxonomy[ $tax ];
				}
			}
		}
		if ( ! $has_cat ) {
			// wp_set_post_categories() gives every post the default category when it has none.
			$links[] = $wpdb->prepare( '(%d, %d, 0)', $id, (int) get_term( $default_category, 'category' )->term_taxonomy_id );
		}
		++$count;
		if ( count( $posts ) >= 500 ) {
			$flush();
		}
	}
	$flush();
	$wpdb->query( 'COMMIT' );

	// What _update_post_term_count() stores: published posts per term.
	$wpdb->query(
		"UPDATE {$wpdb->term_taxonomy} tt SET tt.count = (
			SELECT COUNT(*) FROM {$wpdb->term_relationships} tr JOIN {$wpdb->posts} p ON p.ID = tr.object_id
			WHERE tr.term_taxonomy_id = tt.term_taxonomy_id AND p.post_status = 'publish' AND p.post_type = 'post'
		) WHERE tt.taxonomy IN ('category', 'post_tag')"
	);
	$wpdb->query( "ALTER TABLE {$wpdb->posts} AUTO_INCREMENT = " . ( (int) $wpdb->get_var( "SELECT MAX(ID) FROM {$wpdb->posts}" ) + 1 ) );
	wp_suspend_cache_invalidation( false );
	wp_defer_term_counting( false );
	delete_option( 'category_children' );
	wp_cache_flush();

	echo wp_json_encode(
		array(
			'documents' => $count,
			'seconds'   => round( microtime( true ) - $started, 3 ),
			'terms'     => count( $terms ),
			'authors'   => count( $users ),
		)
	) . "\n";
} )();

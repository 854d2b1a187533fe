<?php
/**
 * Seeding the demo publication.
 *
 * @package Switchboard
 */

declare(strict_types=1);

namespace SwitchboardDev\DemoContent;

use RuntimeException;
use WP_Error;

/**
 * Seeds the demo publication into a loaded WordPress: authors, categories, tags, posts with featured
 * images, and the About, Search and Support (a payment block) pages.
 *
 * Idempotent twice over: a marker option makes a seeded site return at once, and every item is looked up
 * by its key before it is created, so an interrupted run completes on the next one without duplicates.
 * An option used as a mutex keeps two concurrent requests (Playground serves several) from seeding together.
 */
final class Seeder {

	/** Bump when the catalog changes in a way existing sites should pick up (new items are added, none changed). */
	public const VERSION = 2;

	public const MARKER_OPTION = 'switchboard_demo_content';
	private const LOCK_OPTION  = 'switchboard_demo_content_lock';
	private const LOCK_TTL     = 300;
	private const KEY_META     = '_switchboard_demo_key';
	private const IMAGE_DIR    = 'switchboard-demo/v1';

	/** User meta naming the demo avatar's file under the uploads folder; the dev mu-plugin serves it. */
	public const AVATAR_META = 'switchboard_demo_avatar';

	/** Name of the avatar drawn for people without a demo account's own. */
	public const DEFAULT_AVATAR = 'default';

	/** Slug of the demo site's main menu, which the theme's header navigation falls back to. */
	private const MENU_SLUG = 'switchboard-primary';

	/** Avatars are cropped square from a drawn image and kept this many pixels wide. */
	private const AVATAR_SIZE = 192;

	/**
	 * What this run did, for the caller to report.
	 *
	 * @var array<string, int>
	 */
	private array $stats = array(
		'posts'            => 0,
		'pages'            => 0,
		'users'            => 0,
		'terms'            => 0,
		'images_drawn'     => 0,
		'images_resized'   => 0,
		'images_reused'    => 0,
		'defaults_removed' => 0,
		'avatars_drawn'    => 0,
		'menus'            => 0,
	);

	/**
	 * Whether this database holds the current version of the demo content.
	 */
	public static function is_seeded(): bool {
		$marker = get_option( self::MARKER_OPTION );
		return is_array( $marker ) && ( $marker['version'] ?? 0 ) >= self::VERSION;
	}

	/**
	 * Seeds unless already seeded or another request is seeding right now.
	 *
	 * @return array{status: string, seconds: float, stats: array<string, int>}
	 */
	public static function run(): array {
		$started = microtime( true );
		if ( self::is_seeded() ) {
			return array(
				'status'  => 'already-seeded',
				'seconds' => 0.0,
				'stats'   => array(),
			);
		}
		if ( ! self::acquire_lock() ) {
			return array(
				'status'  => 'busy',
				'seconds' => 0.0,
				'stats'   => array(),
			);
		}

		$seeder        = new self();
		$previous_user = get_current_user_id();
		try {
			$seeder->seed();
		} finally {
			wp_set_current_user( $previous_user );
			delete_option( self::LOCK_OPTION );
		}
		return array(
			'status'  => 'seeded',
			'seconds' => round( microtime( true ) - $started, 2 ),
			'stats'   => $seeder->stats,
		);
	}

	/** The mutex: add_option() is an INSERT on a unique key, so only one request can win it. */
	private static function acquire_lock(): bool {
		if ( add_option( self::LOCK_OPTION, (string) time(), '', false ) ) {
			return true;
		}
		// A run that died (killed request, fatal error) must not block seeding forever.
		$since = (int) get_option( self::LOCK_OPTION );
		if ( $since > 0 && time() - $since > self::LOCK_TTL ) {
			delete_option( self::LOCK_OPTION );
			return add_option( self::LOCK_OPTION, (string) time(), '', false );
		}
		return false;
	}

	/**
	 * Creates whatever is missing.
	 */
	private function seed(): void {
		require_once ABSPATH . 'wp-admin/includes/image.php';
		require_once ABSPATH . 'wp-admin/includes/file.php';
		require_once ABSPATH . 'wp-admin/includes/media.php';
		require_once ABSPATH . 'wp-admin/includes/post.php';
		require_once ABSPATH . 'wp-admin/includes/user.php';

		$admin = $this->admin_id();
		// Posts are written as the administrator so unfiltered block markup is kept as written.
		wp_set_current_user( $admin );

		wp_defer_term_counting( true );
		try {
			list( $authors, $categories, $tags ) = $this->transaction(
				function () use ( $admin ): array {
					$this->configure_site();
					$this->remove_defaults();
					return array( $this->authors( $admin ), $this->categories(), $this->tags() );
				}
			);
			foreach ( $authors as $login => $user_id ) {
				update_user_meta( $user_id, self::AVATAR_META, $this->avatar( $login ) );
			}
			// Shown for everyone else: visitors who comment, accounts made later, the editor's samples.
			$this->avatar( self::DEFAULT_AVATAR );
			foreach ( $this->dated_posts() as $post ) {
				$this->post( $post, $authors, $categories, $tags );
			}
			$this->transaction(
				function () use ( $admin, $categories ): void {
					foreach ( Catalog::pages() as $slug => $page ) {
						$this->page( $slug, $page['title'], $page['content'], $admin );
					}
					$this->menu( $categories );
				}
			);
		} finally {
			wp_defer_term_counting( false );
		}
		update_option(
			self::MARKER_OPTION,
			array(
				'version'   => self::VERSION,
				'seeded_at' => gmdate( 'c' ),
			)
		);
	}

	/**
	 * Runs $work in a database transaction. On SQLite every autocommitted write is a file sync, which would
	 * dominate the run time; one transaction per post keeps the write lock short, so a site that is serving
	 * requests while it seeds (Playground does) never makes them wait long.
	 *
	 * @template T
	 * @param callable(): T $work What to run.
	 * @return T
	 * @throws \Throwable Whatever $work throws, after rolling back.
	 */
	private function transaction( callable $work ) {
		global $wpdb;
		$wpdb->query( 'START TRANSACTION' );
		try {
			$result = $work();
		} catch ( \Throwable $error ) {
			$wpdb->query( 'ROLLBACK' );
			throw $error;
		}
		$wpdb->query( 'COMMIT' );
		return $result;
	}

	/**
	 * The administrator the demo is written as, with a byline worth showing.
	 *
	 * @throws RuntimeException When the site has no administrator.
	 */
	private function admin_id(): int {
		$admin = get_user_by( 'login', 'admin' );
		if ( ! $admin ) {
			$admins = get_users(
				array(
					'role'   => 'administrator',
					'number' => 1,
					'fields' => 'ID',
				)
			);
			if ( ! $admins ) {
				throw new RuntimeException( 'No administrator account to seed the demo content as.' );
			}
			return (int) $admins[0];
		}
		// The admin writes the occasional post, so give the account a byline worth showing.
		if ( 'admin' === $admin->display_name ) {
			wp_update_user(
				array(
					'ID'           => $admin->ID,
					'display_name' => 'The Switchboard Team',
					'nickname'     => 'Switchboard Team',
					'description'  => 'Posts written by the whole team, usually about how we work together.',
				)
			);
		}
		return (int) $admin->ID;
	}

	/** Site settings a publication would have, and none that reach out to the network. */
	private function configure_site(): void {
		update_option( 'blogname', 'Switchboard' );
		update_option( 'blogdescription', 'Notes on building web apps with WordPress' );
		update_option( 'show_on_front', 'posts' );
		// Pings go to remote servers on every publish; this is a local demo with no such servers.
		update_option( 'ping_sites', '' );
		update_option( 'default_pingback_flag', '0' );
	}

	/** The sample post, page and comment that wp_install() creates have no place in the demo. */
	private function remove_defaults(): void {
		foreach ( array(
			'hello-world' => 'post',
			'sample-page' => 'page',
		) as $slug => $type ) {
			$post = get_page_by_path( $slug, OBJECT, $type );
			if ( $post && ! get_post_meta( $post->ID, self::KEY_META, true ) && wp_delete_post( $post->ID, true ) ) {
				++$this->stats['defaults_removed'];
			}
		}
	}

	/**
	 * Author accounts, created once.
	 *
	 * @param int $admin The administrator's user id.
	 * @return array<string, int> Catalog author key => user id ("admin" included).
	 */
	private function authors( int $admin ): array {
		$ids = array( 'admin' => $admin );
		foreach ( Catalog::authors() as $login => $author ) {
			$user = get_user_by( 'login', $login );
			if ( $user ) {
				$ids[ $login ] = (int) $user->ID;
				continue;
			}
			$id            = wp_insert_user(
				array(
					'user_login'   => $login,
					'user_pass'    => 'password',
					'user_email'   => $login . '@example.com',
					'display_name' => $author['display_name'],
					'nickname'     => $author['first_name'],
					'first_name'   => $author['first_name'],
					'last_name'    => $author['last_name'],
					'description'  => $author['description'],
					'role'         => 'author',
				)
			);
			$ids[ $login ] = self::check( $id, "author $login" );
			++$this->stats['users'];
		}
		return $ids;
	}

	/**
	 * The categories, created once.
	 *
	 * @return array<string, int> slug => term id
	 */
	private function categories(): array {
		$ids = array();
		foreach ( Catalog::categories() as $slug => $category ) {
			$ids[ $slug ] = $this->term( $slug, $category['name'], 'category', $category['description'] );
		}
		return $ids;
	}

	/**
	 * The tags, created once.
	 *
	 * @return array<string, int> slug => term id
	 */
	private function tags(): array {
		$ids = array();
		foreach ( Catalog::tags() as $slug => $name ) {
			$ids[ $slug ] = $this->term( $slug, $name, 'post_tag', '' );
		}
		return $ids;
	}

	/**
	 * A term's id, creating the term if it is missing.
	 *
	 * @param string $slug        Its slug.
	 * @param string $name        Its name.
	 * @param string $taxonomy    category or post_tag.
	 * @param string $description Its description.
	 * @throws RuntimeException When WordPress refuses to create it.
	 */
	private function term( string $slug, string $name, string $taxonomy, string $description ): int {
		$term = get_term_by( 'slug', $slug, $taxonomy );
		if ( $term ) {
			return (int) $term->term_id;
		}
		$result = wp_insert_term(
			$name,
			$taxonomy,
			array(
				'slug'        => $slug,
				'description' => $description,
			)
		);
		if ( $result instanceof WP_Error ) {
			throw new RuntimeException( "Could not create the $taxonomy \"$slug\": " . $result->get_error_message() );
		}
		++$this->stats['terms'];
		return (int) $result['term_id'];
	}

	/**
	 * The catalog's posts with publication dates over the last year, categories interleaved so that every
	 * page of the archive mixes them, newest first.
	 *
	 * @return list<array<string, mixed>>
	 */
	private function dated_posts(): array {
		$by_category = array();
		foreach ( Catalog::posts() as $post ) {
			$by_category[ $post['category'] ][] = $post;
		}
		$ordered = array();
		$rounds  = max( array_map( 'count', $by_category ) );
		for ( $round = 0; $round < $rounds; $round++ ) {
			foreach ( $by_category as $posts ) {
				if ( isset( $posts[ $round ] ) ) {
					$ordered[] = $posts[ $round ];
				}
			}
		}

		$now  = time();
		$step = (int) ( 350 * DAY_IN_SECONDS / max( 1, count( $ordered ) ) );
		foreach ( $ordered as $index => $post ) {
			$random = new Random( 'date:' . $post['slug'] );
			// Business hours in UTC, a day or two of jitter so the rhythm looks like a real editorial calendar.
			$day               = $now - DAY_IN_SECONDS - $index * $step - $random->between( 0, 1 ) * DAY_IN_SECONDS;
			$time              = gmmktime( $random->between( 7, 17 ), $random->between( 0, 59 ), 0, (int) gmdate( 'n', $day ), (int) gmdate( 'j', $day ), (int) gmdate( 'Y', $day ) );
			$post['date']      = min( $time, $now - HOUR_IN_SECONDS );
			$ordered[ $index ] = $post;
		}
		return $ordered;
	}

	/**
	 * A post with its terms and featured image, each created if missing.
	 *
	 * @param array<string, mixed> $post       A dated Catalog::posts() entry.
	 * @param array<string, int>   $authors    Author key => user id.
	 * @param array<string, int>   $categories Category slug => term id.
	 * @param array<string, int>   $tags       Tag slug => term id.
	 */
	private function post( array $post, array $authors, array $categories, array $tags ): void {
		$slug = (string) $post['slug'];
		$id   = $this->find( $slug, 'post' );
		if ( $id && has_post_thumbnail( $id ) ) {
			return;
		}
		$date   = gmdate( 'Y-m-d H:i:s', (int) $post['date'] );
		$author = $authors[ $post['author'] ];
		// Drawing takes longest and needs no database, so it happens before any transaction opens.
		$file = $this->image_file( $slug, Catalog::categories()[ $post['category'] ]['colors'] );

		$this->transaction(
			function () use ( $id, $post, $slug, $date, $author, $categories, $tags, $file ): void {
				if ( ! $id ) {
					$id = $this->insert_post( $post, $slug, $date, $author );
					wp_set_post_categories( $id, array( $categories[ $post['category'] ] ) );
					wp_set_object_terms( $id, array_map( static fn ( string $tag ): int => $tags[ $tag ], $post['tags'] ), 'post_tag' );
					++$this->stats['posts'];
				}
				$image = $this->attachment( $slug, (string) $post['title'], $file, $id, $author, $date );
				// Inside the transaction too: WordPress saves the metadata after every sub-size it makes.
				$this->attachment_metadata( $image, $file );
				set_post_thumbnail( $id, $image );
			}
		);
	}

	/**
	 * Inserts the post itself.
	 *
	 * @param array<string, mixed> $post   A Catalog::posts() entry.
	 * @param string               $slug   Its slug.
	 * @param string               $date   Publication date, GMT, MySQL format.
	 * @param int                  $author User id.
	 */
	private function insert_post( array $post, string $slug, string $date, int $author ): int {
		$id = wp_insert_post(
			array(
				'post_type'      => 'post',
				'post_status'    => 'publish',
				'post_name'      => $slug,
				'post_title'     => $post['title'],
				'post_excerpt'   => $post['excerpt'],
				'post_content'   => TextGenerator::content( $post ),
				'post_author'    => $author,
				'post_date'      => get_date_from_gmt( $date ),
				'post_date_gmt'  => $date,
				'comment_status' => 'open',
				'ping_status'    => 'closed',
				'meta_input'     => array( self::KEY_META => $slug ),
			),
			true
		);
		return self::check( $id, "post $slug" );
	}

	/**
	 * A page, created once.
	 *
	 * @param string $slug    Its slug.
	 * @param string $title   Its title.
	 * @param string $content Block markup.
	 * @param int    $admin   Author's user id.
	 */
	private function page( string $slug, string $title, string $content, int $admin ): void {
		if ( $this->find( $slug, 'page' ) ) {
			return;
		}
		$id = wp_insert_post(
			array(
				'post_type'      => 'page',
				'post_status'    => 'publish',
				'post_name'      => $slug,
				'post_title'     => $title,
				'post_content'   => $content,
				'post_author'    => $admin,
				'comment_status' => 'closed',
				'ping_status'    => 'closed',
				'meta_input'     => array( self::KEY_META => $slug ),
			),
			true
		);
		self::check( $id, "page $slug" );
		++$this->stats['pages'];
	}

	/**
	 * The featured image's file, drawn once.
	 *
	 * Originals and sub-sizes are kept under uploads/switchboard-demo/ with their metadata beside them, so
	 * reseeding a fresh database over the same uploads (Playground rebuilds its database on every start;
	 * `wp-server reset`) reuses them instead of drawing and resizing again.
	 *
	 * @param string                                 $slug   The post's slug, which names the file.
	 * @param array{0: string, 1: string, 2: string} $colors The category's colors.
	 * @throws RuntimeException When the uploads folder is unusable.
	 */
	private function image_file( string $slug, array $colors ): string {
		$uploads = wp_upload_dir( null, false );
		if ( ! empty( $uploads['error'] ) ) {
			throw new RuntimeException( 'Uploads folder unavailable: ' . $uploads['error'] );
		}
		$dir = $uploads['basedir'] . '/' . self::IMAGE_DIR;
		if ( ! wp_mkdir_p( $dir ) ) {
			throw new RuntimeException( "Could not create $dir." );
		}
		$file = "$dir/$slug.jpg";
		if ( ! is_file( $file ) ) {
			// Written aside, then renamed: sites seeding at once share this folder and must never read half a file.
			$partial = $file . '.' . getmypid() . '.tmp';
			ImageGenerator::write_jpeg( $colors, $slug, $partial );
			rename( $partial, $file );
			++$this->stats['images_drawn'];
		}
		return $file;
	}

	/**
	 * The attachment post for an image file (found again by its key when it exists).
	 *
	 * @param string $slug    The post's slug.
	 * @param string $title   The attachment's title.
	 * @param string $file    Absolute path of the image.
	 * @param int    $post_id The post it belongs to.
	 * @param int    $author  User id.
	 * @param string $date    Date, GMT, MySQL format.
	 */
	private function attachment( string $slug, string $title, string $file, int $post_id, int $author, string $date ): int {
		$existing = $this->find( $slug, 'attachment' );
		if ( $existing ) {
			return $existing;
		}
		$id = wp_insert_attachment(
			array(
				'post_mime_type' => 'image/jpeg',
				'post_title'     => $title,
				'post_status'    => 'inherit',
				'post_author'    => $author,
				'post_date'      => get_date_from_gmt( $date ),
				'post_date_gmt'  => $date,
				'guid'           => wp_upload_dir( null, false )['baseurl'] . '/' . self::IMAGE_DIR . '/' . basename( $file ),
				'meta_input'     => array( self::KEY_META => $slug ),
			),
			$file,
			$post_id,
			true
		);
		return self::check( $id, "image for $slug" );
	}

	/**
	 * Sub-sizes and metadata, from the cache beside the file when it still matches.
	 *
	 * @param int    $id   The attachment.
	 * @param string $file Absolute path of the image.
	 */
	private function attachment_metadata( int $id, string $file ): void {
		if ( wp_get_attachment_metadata( $id ) ) {
			return;
		}
		$dir      = dirname( $file );
		$cache    = substr( $file, 0, -4 ) . '.meta.json';
		$sizes    = md5( (string) wp_json_encode( wp_get_registered_image_subsizes() ) );
		$metadata = $this->cached_metadata( $cache, $sizes, $dir );
		if ( null === $metadata ) {
			$metadata = wp_generate_attachment_metadata( $id, $file );
			$partial  = $cache . '.' . getmypid() . '.tmp';
			file_put_contents(
				$partial,
				(string) wp_json_encode(
					array(
						'sizes_hash' => $sizes,
						'metadata'   => $metadata,
					)
				)
			);
			rename( $partial, $cache );
			++$this->stats['images_resized'];
		} else {
			++$this->stats['images_reused'];
		}
		wp_update_attachment_metadata( $id, $metadata );
	}

	/**
	 * Attachment metadata saved by an earlier run, when the registered sizes are unchanged and every file exists.
	 *
	 * @param string $cache      The JSON file.
	 * @param string $sizes_hash Hash of the image sizes registered now.
	 * @param string $dir        The folder of the image and its sub-sizes.
	 * @return array<string, mixed>|null
	 */
	private function cached_metadata( string $cache, string $sizes_hash, string $dir ): ?array {
		if ( ! is_file( $cache ) ) {
			return null;
		}
		$saved = json_decode( (string) file_get_contents( $cache ), true );
		if ( ! is_array( $saved ) || ( $saved['sizes_hash'] ?? '' ) !== $sizes_hash || ! is_array( $saved['metadata'] ?? null ) ) {
			return null;
		}
		foreach ( $saved['metadata']['sizes'] ?? array() as $size ) {
			if ( ! is_file( $dir . '/' . $size['file'] ) ) {
				return null;
			}
		}
		return $saved['metadata'];
	}

	/**
	 * The site's main menu, created once: the first four categories, then the About and Search pages.
	 *
	 * Themes cannot name a menu (its id differs per site), so a header's navigation block without one
	 * shows the most recently published menu; without any, core builds one from a page list.
	 *
	 * @param array<string, int> $categories Category slug => term id.
	 */
	private function menu( array $categories ): void {
		if ( $this->find( self::MENU_SLUG, 'wp_navigation' ) ) {
			return;
		}
		$links = array();
		foreach ( array_slice( $categories, 0, 4, true ) as $term_id ) {
			$term = get_term( $term_id, 'category' );
			if ( $term instanceof \WP_Term ) {
				$links[] = $this->menu_link( $term->name, 'taxonomy', 'category', $term_id, (string) get_term_link( $term ) );
			}
		}
		foreach ( array( 'about', 'search' ) as $slug ) {
			$page = get_page_by_path( $slug, OBJECT, 'page' );
			if ( $page instanceof \WP_Post ) {
				$links[] = $this->menu_link( $page->post_title, 'post-type', 'page', $page->ID, (string) get_permalink( $page ) );
			}
		}
		$id = wp_insert_post(
			array(
				'post_type'    => 'wp_navigation',
				'post_status'  => 'publish',
				'post_name'    => self::MENU_SLUG,
				'post_title'   => 'Main menu',
				'post_content' => implode( "\n", $links ),
				'meta_input'   => array( self::KEY_META => self::MENU_SLUG ),
			),
			true
		);
		self::check( $id, 'main menu' );
		++$this->stats['menus'];
	}

	/**
	 * One navigation-link block, serialized as the editor saves it.
	 *
	 * @param string $label Link text.
	 * @param string $kind  "taxonomy" or "post-type".
	 * @param string $type  Its taxonomy or post type.
	 * @param int    $id    Term or post id, so the link follows renames.
	 * @param string $url   Its address now.
	 */
	private function menu_link( string $label, string $kind, string $type, int $id, string $url ): string {
		return serialize_block(
			array(
				'blockName'    => 'core/navigation-link',
				'attrs'        => array(
					'label' => $label,
					'type'  => $type,
					'id'    => $id,
					'url'   => $url,
					'kind'  => $kind,
				),
				'innerBlocks'  => array(),
				'innerHTML'    => '',
				'innerContent' => array(),
			)
		);
	}

	/**
	 * A local avatar for a demo account, drawn once: the demo must not depend on Gravatar, which an
	 * offline machine cannot reach (every avatar would be a failed request and a broken image).
	 *
	 * @param string $login The account's login (or DEFAULT_AVATAR), which names the file and seeds the drawing.
	 * @return string The file's path under the uploads folder.
	 * @throws RuntimeException When the image cannot be drawn, cropped or saved.
	 */
	private function avatar( string $login ): string {
		$relative = self::avatar_path( $login );
		$uploads  = wp_upload_dir( null, false );
		$file     = $uploads['basedir'] . '/' . $relative;
		if ( ! is_file( $file ) ) {
			if ( ! wp_mkdir_p( dirname( $file ) ) ) {
				throw new RuntimeException( 'Could not create ' . dirname( $file ) . '.' );
			}
			$palettes = array_values( Catalog::categories() );
			$source   = $file . '.source.jpg';
			ImageGenerator::write_jpeg( $palettes[ crc32( $login ) % count( $palettes ) ]['colors'], 'avatar:' . $login, $source );
			$editor = wp_get_image_editor( $source );
			if ( $editor instanceof WP_Error ) {
				throw new RuntimeException( 'No image editor for the avatars: ' . $editor->get_error_message() );
			}
			$side    = min( ImageGenerator::WIDTH, ImageGenerator::HEIGHT );
			$cropped = $editor->crop( (int) ( ( ImageGenerator::WIDTH - $side ) / 2 ), 0, $side, $side, self::AVATAR_SIZE, self::AVATAR_SIZE );
			$saved   = $cropped instanceof WP_Error ? $cropped : $editor->save( $file, 'image/jpeg' );
			wp_delete_file( $source );
			if ( $saved instanceof WP_Error ) {
				throw new RuntimeException( "Could not make the avatar of $login: " . $saved->get_error_message() );
			}
			++$this->stats['avatars_drawn'];
		}
		return $relative;
	}

	/**
	 * Where an avatar's file is, under the uploads folder.
	 *
	 * @param string $login The account's login, or DEFAULT_AVATAR.
	 */
	public static function avatar_path( string $login ): string {
		return self::IMAGE_DIR . '/avatars/' . $login . '.jpg';
	}

	/**
	 * The id of the item this seeder created under $slug, or 0.
	 *
	 * @param string $slug The item's key.
	 * @param string $type Its post type.
	 */
	private function find( string $slug, string $type ): int {
		$ids = get_posts(
			array(
				'post_type'        => $type,
				'post_status'      => 'attachment' === $type ? 'inherit' : array( 'publish', 'future', 'draft', 'pending', 'private' ),
				'meta_key'         => self::KEY_META, // phpcs:ignore WordPress.DB.SlowDBQuery -- runs once per item while seeding.
				'meta_value'       => $slug, // phpcs:ignore WordPress.DB.SlowDBQuery -- same once-per-item lookup as the line above.
				'fields'           => 'ids',
				'numberposts'      => 1,
				'suppress_filters' => true,
			)
		);
		return $ids ? (int) $ids[0] : 0;
	}

	/**
	 * The id an insert function returned, or an exception naming what failed.
	 *
	 * @param int|WP_Error $result What the insert function returned.
	 * @param string       $what   What was being created, for the message.
	 * @throws RuntimeException When it failed.
	 */
	private static function check( $result, string $what ): int {
		if ( $result instanceof WP_Error ) {
			throw new RuntimeException( "Could not create the $what: " . $result->get_error_message() );
		}
		if ( ! $result ) {
			throw new RuntimeException( "Could not create the $what." );
		}
		return (int) $result;
	}
}

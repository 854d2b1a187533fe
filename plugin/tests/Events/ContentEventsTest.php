<?php
/**
 * Tests turning content changes into outbox rows.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Tests\Events;

use Switchboard\Events\ContentEvents;
use Switchboard\Events\Dispatcher;
use Switchboard\Events\DispatchTrigger;
use Switchboard\Events\Outbox;
use Switchboard\Events\Signature;
use Switchboard\Gateway\CircuitBreaker;
use Switchboard\Gateway\ServiceClient;
use Switchboard\Gateway\ServiceRegistry;

/**
 * Publishing, updating, re-terming, unpublishing and deleting write rows for subscribed services in the same
 * request, with no HTTP call, and private content never leaves as more than a tombstone.
 */
final class ContentEventsTest extends EventsTestCase {

	/**
	 * The trigger the module kicks.
	 *
	 * @var DispatchTrigger
	 */
	private DispatchTrigger $trigger;

	/**
	 * HTTP calls attempted during the test.
	 *
	 * @var int
	 */
	private int $http_calls = 0;

	/**
	 * Declares services, counts HTTP calls and starts a "request".
	 */
	protected function set_up(): void {
		parent::set_up();
		$this->declare_services(
			array(
				'index'   => array(
					'url'        => 'http://localhost:9',
					'subscribes' => true,
				),
				'catalog' => array(
					'url'        => 'http://localhost:9',
					'subscribes' => true,
				),
				'nowhere' => array(
					'url'        => '',
					'subscribes' => true,
				),
				'pay'     => array(
					'url'        => 'http://localhost:9',
					'subscribes' => false,
				),
			)
		);
		add_filter(
			'pre_http_request',
			function () {
				++$this->http_calls;
				return new \WP_Error( 'blocked', 'No HTTP in tests of the save request.' );
			}
		);
		$this->new_request();
	}

	/**
	 * Publishing writes one `post.published` row per subscribed, configured service, and plans a kick.
	 */
	public function test_publish_writes_a_row_per_subscriber(): void {
		$author   = $this->create_user(
			array(
				'role'         => 'author',
				'display_name' => 'Ada Writer',
			)
		);
		$category = $this->create_category( 'News' );
		$post_id  = wp_insert_post(
			array(
				'post_title'    => 'Hello <b>world</b>',
				'post_content'  => '<!-- wp:paragraph --><p>Body text here.</p><!-- /wp:paragraph -->',
				'post_status'   => 'publish',
				'post_author'   => $author,
				'post_category' => array( $category ),
				'tags_input'    => array( 'alpha' ),
			)
		);

		$rows = $this->rows();
		$this->assertSame( array( 'index', 'catalog' ), array_column( $rows, 'service' ), 'One row per service, though terms and status each fired.' );
		$this->assertSame( array( 'post.published', 'post.published' ), array_column( $rows, 'type' ) );
		$this->assertSame( array( 'pending', 'pending' ), array_column( $rows, 'status' ) );
		$this->assertNotSame( $rows[0]['event_id'], $rows[1]['event_id'] );
		$this->assertMatchesRegularExpression( '/^[0-9a-f-]{36}$/', is_string( $rows[0]['event_id'] ?? null ) ? $rows[0]['event_id'] : '' );

		$payload = self::payload( $rows[0] );
		$this->assertSame( $post_id, $payload['id'] );
		$this->assertSame( 'post', $payload['type'] );
		$this->assertSame( 'publish', $payload['status'] );
		$this->assertSame( 'Hello world', $payload['title'] );
		$this->assertSame( 'Body text here.', $payload['excerpt'] );
		$this->assertSame( get_permalink( $post_id ), $payload['permalink'] );
		$this->assertSame(
			array(
				'id'   => $author,
				'name' => 'Ada Writer',
			),
			$payload['author']
		);
		$this->assertSame(
			array(
				array(
					'id'   => $category,
					'name' => 'News',
				),
			),
			self::dig( $payload, 'terms', 'category' )
		);
		$this->assertSame( array( 'alpha' ), self::names( self::dig( $payload, 'terms', 'post_tag' ) ) );
		$this->assertArrayHasKey( 'date', $payload );
		$this->assertArrayHasKey( 'modified', $payload );
		$this->assertSame( 0, $payload['comment_count'] );

		$this->assertSame( 0, $this->http_calls, 'The save request makes no HTTP call.' );
		$this->assertSame( 10, has_action( 'shutdown', array( $this->trigger, 'kick' ) ) );
	}

	/**
	 * In a later request, an edit of a published post and a change of its terms each write `post.updated`.
	 */
	public function test_updates_and_term_changes_write_updates(): void {
		$post_id = $this->create_post( array( 'post_status' => 'publish' ) );
		$this->clear_outbox();

		$this->new_request();
		wp_update_post(
			array(
				'ID'         => $post_id,
				'post_title' => 'Renamed',
			)
		);
		$this->new_request();
		wp_set_post_terms( $post_id, array( 'beta' ), 'post_tag' );
		$this->new_request();
		wp_set_post_terms( $post_id, array( 'beta' ), 'post_tag' );

		$rows = $this->rows();
		$this->assertSame( array( 'post.updated', 'post.updated', 'post.updated', 'post.updated' ), array_column( $rows, 'type' ), 'Setting the same terms again writes nothing.' );
		$this->assertSame( 'Renamed', self::payload( $rows[0] )['title'] );
		$this->assertSame( array( 'beta' ), self::names( self::dig( self::payload( $rows[3] ), 'terms', 'post_tag' ) ) );
	}

	/**
	 * Trashing writes a tombstone; deleting for good writes another; neither carries content.
	 */
	public function test_trash_and_delete_write_tombstones(): void {
		$post_id = $this->create_post(
			array(
				'post_status' => 'publish',
				'post_title'  => 'Going away',
			)
		);
		$this->clear_outbox();

		$this->new_request();
		wp_trash_post( $post_id );
		$this->new_request();
		wp_delete_post( $post_id, true );

		$rows = $this->rows();
		$this->assertSame( array( 'post.unpublished', 'post.unpublished', 'post.deleted', 'post.deleted' ), array_column( $rows, 'type' ) );
		$this->assertSame(
			array(
				'id'     => $post_id,
				'type'   => 'post',
				'status' => 'unpublished',
			),
			self::payload( $rows[0] )
		);
		$this->assertSame(
			array(
				'id'     => $post_id,
				'type'   => 'post',
				'status' => 'deleted',
			),
			self::payload( $rows[2] )
		);
	}

	/**
	 * Drafts, private posts and non-public types write nothing; a password-protected publish only a tombstone.
	 */
	public function test_private_content_never_leaves(): void {
		register_post_type( 'sb_internal', array( 'public' => false ) );
		$this->create_post( array( 'post_status' => 'draft' ) );
		$this->create_post( array( 'post_status' => 'private' ) );
		$this->create_post(
			array(
				'post_status' => 'publish',
				'post_type'   => 'sb_internal',
			)
		);
		$this->assertSame( array(), $this->rows() );

		$protected = $this->create_post(
			array(
				'post_status'   => 'publish',
				'post_password' => 'secret',
				'post_title'    => 'Members only',
			)
		);
		$rows      = $this->rows();
		$this->assertSame( array( 'post.unpublished', 'post.unpublished' ), array_column( $rows, 'type' ) );
		$this->assertStringNotContainsString( 'Members only', (string) wp_json_encode( $rows ) );

		$this->clear_outbox();
		$this->new_request();
		$public = $this->create_post( array( 'post_status' => 'publish' ) );
		$this->new_request();
		wp_update_post(
			array(
				'ID'            => $public,
				'post_password' => 'now-secret',
			)
		);
		$this->new_request();
		wp_update_post(
			array(
				'ID'          => $public,
				'post_status' => 'private',
			)
		);
		$this->assertSame( array( 'post.published', 'post.published', 'post.unpublished', 'post.unpublished', 'post.unpublished', 'post.unpublished' ), array_column( $this->rows(), 'type' ) );
		unregister_post_type( 'sb_internal' );
		$this->assertGreaterThan( 0, $protected );
	}

	/**
	 * A change of the name shown on published posts writes `author.updated`; other profile changes do not.
	 */
	public function test_author_name_changes(): void {
		$author = $this->create_user(
			array(
				'role'         => 'author',
				'display_name' => 'Old Name',
			)
		);
		$other  = $this->create_user( array( 'display_name' => 'No Posts' ) );
		$this->create_post(
			array(
				'post_status' => 'publish',
				'post_author' => $author,
			)
		);
		$this->clear_outbox();

		wp_update_user(
			array(
				'ID'          => $author,
				'description' => 'Bio only',
			)
		);
		wp_update_user(
			array(
				'ID'           => $other,
				'display_name' => 'Still No Posts',
			)
		);
		$this->assertSame( array(), $this->rows() );

		wp_update_user(
			array(
				'ID'           => $author,
				'display_name' => 'New Name',
			)
		);
		$rows = $this->rows();
		$this->assertSame( array( 'author.updated', 'author.updated' ), array_column( $rows, 'type' ) );
		$this->assertSame(
			array(
				'author' => array(
					'id'   => $author,
					'name' => 'New Name',
				),
			),
			self::payload( $rows[0] )
		);
	}

	/**
	 * The payload carries the body as plain text and a fingerprint of everything else.
	 */
	public function test_payload_carries_content_and_fingerprint(): void {
		$post_id = $this->create_post(
			array(
				'post_status'  => 'publish',
				'post_title'   => 'Plain',
				'post_content' => "<!-- wp:heading --><h2>Title&amp;more</h2><!-- /wp:heading -->\n<!-- wp:paragraph --><p>First <strong>bold</strong>word&nbsp;here.</p><!-- /wp:paragraph -->[gallery ids=\"1\"]<ul><li>one</li><li>two</li></ul>",
			)
		);
		$post    = get_post( $post_id );
		$this->assertInstanceOf( \WP_Post::class, $post );
		$payload = ContentEvents::payload( $post );

		$this->assertSame( 'Title&more First boldword here. one two', $payload['content'] );
		$this->assertSame( 'Visible', ContentEvents::plain_text( '<script>alert(1)</script><style>.a{color:red}</style>Visible' ) );
		$this->assertIsString( $payload['fingerprint'] );
		$this->assertMatchesRegularExpression( '/^[0-9a-f]{40}$/', $payload['fingerprint'] );
		$without = $payload;
		unset( $without['fingerprint'] );
		$this->assertSame( sha1( (string) wp_json_encode( $without ) ), $payload['fingerprint'] );
		$this->assertSame( 'fingerprint', array_key_last( $payload ) );
		$this->assertSame( $payload['fingerprint'], ContentEvents::payload( $post )['fingerprint'], 'Stable.' );
		$this->assertSame( $payload, self::payload( $this->rows()[0] ), 'The event carries the same payload.' );

		wp_update_post(
			array(
				'ID'           => $post_id,
				'post_content' => 'Changed body.',
			)
		);
		$changed = get_post( $post_id );
		$this->assertInstanceOf( \WP_Post::class, $changed );
		$this->assertNotSame( $payload['fingerprint'], ContentEvents::payload( $changed )['fingerprint'] );
	}

	/**
	 * Long bodies are cut to 20,000 characters (UTF-16 code units) at a word boundary.
	 */
	public function test_content_is_cut_at_a_word_boundary(): void {
		$words = str_repeat( 'lorem ipsum dolor ', 2000 );
		$text  = ContentEvents::plain_text( $words );
		$this->assertLessThanOrEqual( ContentEvents::CONTENT_LIMIT, mb_strlen( $text ) );
		$this->assertGreaterThan( ContentEvents::CONTENT_LIMIT - 10, mb_strlen( $text ) );
		$this->assertStringStartsWith( $text, trim( $words ), 'A prefix of the text…' );
		$this->assertContains( substr( $text, -5 ), array( 'lorem', 'ipsum', 'dolor' ), '…that ends with a whole word.' );

		$emoji = ContentEvents::plain_text( str_repeat( "\u{1F600}ab ", 8000 ) );
		$this->assertLessThanOrEqual( ContentEvents::CONTENT_LIMIT, intdiv( strlen( (string) mb_convert_encoding( $emoji, 'UTF-16LE', 'UTF-8' ) ), 2 ) );
		$this->assertStringEndsWith( 'ab', $emoji );
		$this->assertSame( 'short text', ContentEvents::plain_text( "  short \n\t text " ) );
	}

	/**
	 * Renaming a term of a public taxonomy writes `term.updated` about that term; other edits do not;
	 * deleting it writes `term.deleted`; terms of private taxonomies write nothing.
	 */
	public function test_term_renames_and_deletions(): void {
		$category = $this->create_category( 'Sb Term Before' );
		$this->clear_outbox();

		$this->new_request();
		wp_update_term( $category, 'category', array( 'description' => 'Only the description.' ) );
		$this->assertSame( array(), $this->rows() );

		$this->new_request();
		wp_update_term( $category, 'category', array( 'name' => 'Sb Term After' ) );
		$rows = $this->rows();
		$this->assertSame( array( 'term.updated', 'term.updated' ), array_column( $rows, 'type' ) );
		$this->assertSame( array( 'index', 'catalog' ), array_column( $rows, 'service' ) );
		$this->assertSame(
			array(
				'term' => array(
					'id'       => $category,
					'taxonomy' => 'category',
					'name'     => 'Sb Term After',
				),
			),
			self::payload( $rows[0] )
		);
		$this->assertSame( array( 'term:' . $category, 'term:' . $category ), array_column( $rows, 'subject' ), 'Ordered per term.' );

		$this->clear_outbox();
		$this->new_request();
		wp_delete_term( $category, 'category' );
		$rows = $this->rows();
		$this->assertSame( array( 'term.deleted', 'term.deleted' ), array_column( $rows, 'type' ) );
		$this->assertSame( $category, self::dig( self::payload( $rows[0] ), 'term', 'id' ) );
		$this->assertSame( 'Sb Term After', self::dig( self::payload( $rows[0] ), 'term', 'name' ) );

		register_taxonomy( 'sb_hidden', 'post', array( 'public' => false ) );
		register_taxonomy( 'sb_orphan', 'sb_nothing', array( 'public' => true ) );
		$this->clear_outbox();
		foreach ( array( 'sb_hidden', 'sb_orphan' ) as $taxonomy ) {
			$term = wp_insert_term( 'Internal', $taxonomy );
			$this->assertIsArray( $term );
			$this->new_request();
			wp_update_term( (int) $term['term_id'], $taxonomy, array( 'name' => 'Renamed' ) );
			wp_delete_term( (int) $term['term_id'], $taxonomy );
		}
		$this->assertSame( array(), $this->rows(), 'Private taxonomies and those of unreported types are not reported.' );
		unregister_taxonomy( 'sb_hidden' );
		unregister_taxonomy( 'sb_orphan' );
	}

	/**
	 * Attaches a fresh module, as a new request would have.
	 */
	private function new_request(): void {
		if ( isset( $this->trigger ) ) {
			$this->module->unregister_hooks();
		}
		$this->trigger = new DispatchTrigger( __FILE__, static fn(): Dispatcher => new Dispatcher( new Outbox(), new ServiceClient( new CircuitBreaker(), new ServiceRegistry() ), new ServiceRegistry(), new Signature() ) );
		$this->module  = new ContentEvents( new Outbox(), new ServiceRegistry(), $this->trigger );
		$this->module->register_hooks();
	}

	/**
	 * The module of the current "request".
	 *
	 * @var ContentEvents
	 */
	private ContentEvents $module;

	/**
	 * Empties the outbox.
	 */
	private function clear_outbox(): void {
		$wpdb = $this->wpdb();
		// A statement on a missing table makes SQLite roll the test's transaction back.
		\Switchboard\Events\Schema::ensure( $wpdb );
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQLPlaceholders, WordPress.DB.PreparedSQL.NotPrepared -- test set-up on the table itself; %i postdates WPCS 2.3.
		$wpdb->query( (string) $wpdb->prepare( 'DELETE FROM %i', \Switchboard\Events\Schema::outbox( $wpdb ) ) );
	}
}

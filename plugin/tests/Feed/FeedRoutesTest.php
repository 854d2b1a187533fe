<?php
/**
 * The feed's gateway routes against a real local upstream.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Tests\Feed;

use Switchboard\Gateway\Access;
use Switchboard\Gateway\ProxyController;
use Switchboard\Gateway\RouteRegistry;
use Switchboard\Gateway\ServiceRegistry;
use Switchboard\Plugin;
use WP_Error;
use WP_REST_Request;

/**
 * Arguments forwarded as declared, answers hydrated from WordPress (only published posts, in the service's
 * order, with reasons in words), cache headers per route, fallbacks per slot, consent and body bounds.
 */
final class FeedRoutesTest extends FeedTestCase {

	/**
	 * `GET /feed` keeps the service's order, drops every post that is not published and public, says why in
	 * words, and is cached publicly.
	 */
	public function test_public_feed_is_hydrated_in_order_and_cached_publicly(): void {
		$news    = self::term( 'News' );
		$first   = self::post( 'First &amp; foremost', array( 'post_category' => array( $news ) ) );
		$second  = self::post( 'Second' );
		$draft   = self::post( 'Draft', array( 'post_status' => 'draft' ) );
		$private = self::post( 'Private', array( 'post_status' => 'private' ) );
		$trashed = self::post( 'Trashed', array( 'post_status' => 'trash' ) );
		$locked  = self::post( 'Locked', array( 'post_password' => 'secret' ) );
		$page    = self::post( 'A page', array( 'post_type' => 'page' ) );
		self::answer(
			array(
				'items'      => array(
					self::ranked( $second, 'popular' ),
					self::ranked( $draft, 'popular' ),
					self::ranked( 987654, 'recent' ),
					self::ranked( $private, 'popular' ),
					self::ranked( $first, 'category', $news ),
					self::ranked( $trashed, 'recent' ),
					self::ranked( $locked, 'recent' ),
					self::ranked( $page, 'recent' ),
				),
				'request_id' => 'f_abc123',
				'debug'      => 'not for browsers',
			)
		);

		$query    = array(
			'per_page' => 8,
			'category' => $news . ',7',
			'order'    => 'recent',
		);
		$response = $this->call( 'GET', '/feed', $query );

		$this->assertSame( 200, $response->get_status() );
		$data = self::data( $response );
		$this->assertSame( array( $second, $first ), self::ids( $data['items'] ?? null ) );
		$this->assertSame( array( 'Popular', 'Because you read News' ), self::reasons( $data['items'] ?? null ) );
		$this->assertSame( 'f_abc123', $data['request_id'] ?? null );
		$this->assertArrayNotHasKey( 'debug', $data );
		$item = is_array( $data['items'] ) ? $data['items'][1] : null;
		$this->assertIsArray( $item );
		$this->assertSame( array( 'id', 'title', 'url', 'excerpt', 'date_iso', 'date_display', 'author', 'category', 'category_url', 'reason', 'image' ), array_keys( $item ) );
		$this->assertSame( 'First & foremost', $item['title'] );
		$this->assertSame( get_permalink( $first ), $item['url'] );
		$this->assertSame( 'News', $item['category'] );
		$this->assertSame( 'The body of First & foremost.', $item['excerpt'] );
		$this->assertNull( $item['image'] );

		$this->assertSame( 'public, max-age=60, stale-while-revalidate=300, stale-if-error=86400', self::header( $response, 'Cache-Control' ) );
		$this->assertSame( 'MISS', self::header( $response, 'X-Switchboard-Cache' ) );
		$requests = self::upstream()->requests();
		$this->assertCount( 1, $requests );
		$this->assertSame( 'GET', $requests[0]['method'] );
		$this->assertSame( '/v1/feed?per_page=8&category=' . $news . '%2C7&order=recent', $requests[0]['uri'] );
		$this->assertStringStartsWith( 'Bearer ', $requests[0]['headers']['authorization'] ?? '' );

		$again = $this->call( 'GET', '/feed', $query );
		$this->assertSame( 'HIT', self::header( $again, 'X-Switchboard-Cache' ) );
		$this->assertSame( $data, self::data( $again ), 'The cache holds the hydrated answer.' );
		$this->assertSame( 1, self::upstream()->request_count() );
	}

	/**
	 * The early answer (before `init`) leaves hydrated routes to WordPress: permalinks and images need all
	 * of it. Nothing is called or counted; WordPress's own dispatch answers next.
	 */
	public function test_hydrated_routes_are_not_answered_before_init(): void {
		$plugin = Plugin::instance();
		$this->assertNotNull( $plugin );
		$proxies = array_values( array_filter( $plugin->modules(), static fn( $module ): bool => $module instanceof ProxyController ) );
		$this->assertCount( 1, $proxies );
		$route = $proxies[0]->public_read( '/feed' );
		$this->assertNotNull( $route );
		$this->assertNotNull( $route->transform );

		$this->assertNull( $proxies[0]->answer_early( new WP_REST_Request( 'GET', '/switchboard/v1/feed' ), $route ) );
		$this->assertSame( 0, self::upstream()->request_count() );
	}

	/**
	 * A service answer outside the schema (an unknown reason) is refused, and the fallback answers.
	 */
	public function test_public_feed_refuses_an_answer_outside_the_schema(): void {
		$post = self::post( 'Only post' );
		self::answer(
			array(
				'items' => array(
					array(
						'id'     => $post,
						'reason' => array( 'kind' => '<script>' ),
					),
				),
			)
		);

		$response = $this->call( 'GET', '/feed' );

		$this->assertSame( 200, $response->get_status() );
		$this->assertSame( 'native', self::header( $response, 'X-Switchboard-Fallback' ) );
		$this->assertStringNotContainsString( '<script>', (string) wp_json_encode( $response->get_data() ) );
	}

	/**
	 * When the service fails, `GET /feed` lists WordPress's own posts within the scope, never the excluded.
	 */
	public function test_public_feed_falls_back_within_its_scope(): void {
		$sport    = self::term( 'Sport' );
		$tennis   = self::term( 'Tennis', 'post_tag' );
		$match    = self::post( 'Match report', array( 'post_category' => array( $sport ) ) );
		$excluded = self::post( 'Excluded', array( 'post_category' => array( $sport ) ) );
		$tagged   = self::post(
			'Tennis final',
			array(
				'post_category' => array( $sport ),
				'tags_input'    => array( 'Tennis' ),
			)
		);
		self::post( 'Elsewhere' );
		self::post( 'Hidden', array( 'post_status' => 'private' ) );
		self::service_fails();

		$response = $this->call(
			'GET',
			'/feed',
			array(
				'category' => (string) $sport,
				'exclude'  => (string) $excluded,
				'order'    => 'recent',
			)
		);

		$this->assertSame( 200, $response->get_status() );
		$this->assertSame( 'native', self::header( $response, 'X-Switchboard-Fallback' ) );
		$this->assertSame( 'no-store', self::header( $response, 'Cache-Control' ) );
		$data = self::data( $response );
		$this->assertSame( array( $tagged, $match ), self::ids( $data['items'] ?? null ) );
		$this->assertSame( array( 'New', 'New' ), self::reasons( $data['items'] ?? null ) );
		$this->assertNull( $data['request_id'] );

		$untagged = $this->call(
			'GET',
			'/feed',
			array(
				'category'    => (string) $sport,
				'exclude_tag' => (string) $tennis,
				'order'       => 'recent',
			)
		);
		$this->assertSame( array( $excluded, $match ), self::ids( self::data( $untagged )['items'] ?? null ) );
	}

	/**
	 * `POST /feed/personal` forwards the validated body, is never stored, and answers items per slot.
	 */
	public function test_personal_feed_forwards_the_body_and_is_private(): void {
		$author = wp_insert_user(
			array(
				'user_login'   => 'writer',
				'user_pass'    => wp_generate_password(),
				'display_name' => 'Ada Writer',
				'role'         => 'author',
			)
		);
		$this->assertIsInt( $author );
		$tag    = self::term( 'Rivers', 'post_tag' );
		$pinned = self::post( 'Pinned' );
		$by_ada = self::post( 'By Ada', array( 'post_author' => $author ) );
		$river  = self::post( 'River walk', array( 'tags_input' => array( 'Rivers' ) ) );
		$gone   = self::post( 'Gone', array( 'post_status' => 'trash' ) );
		self::answer(
			array(
				'request_id' => 'f_personal1',
				'mode'       => 'personalized',
				'slots'      => array(
					array(
						'items' => array(
							self::ranked( $pinned, 'pinned' ),
							self::ranked( $gone, 'popular' ),
						),
					),
					array(
						'items' => array(
							self::ranked( $river, 'tag', $tag ),
							self::ranked( $by_ada, 'author', $author ),
						),
					),
				),
			)
		);
		$body = array(
			'visitor' => self::VISITOR,
			'context' => 41,
			'exclude' => array( 5, 6 ),
			'slots'   => array(
				array(
					'count'  => 2,
					'pinned' => array( $pinned ),
				),
				array(
					'count'            => 3,
					'category'         => array( 4 ),
					'exclude_category' => array(),
					'tag'              => array(),
					'exclude_tag'      => array( 9 ),
				),
			),
		);

		$response = $this->call( 'POST', '/feed/personal', $body );

		$this->assertSame( 200, $response->get_status() );
		$this->assertSame( 'private, no-store', self::header( $response, 'Cache-Control' ) );
		$this->assertSame( '60', self::header( $response, 'RateLimit-Limit' ) );
		$data = self::data( $response );
		$this->assertSame( 'f_personal1', $data['request_id'] ?? null );
		$this->assertSame( 'personalized', $data['mode'] ?? null );
		$slots = $data['slots'] ?? null;
		$this->assertIsArray( $slots );
		$this->assertCount( 2, $slots );
		$this->assertSame( array( $pinned ), self::ids( self::dig( $slots, 0, 'items' ) ) );
		$this->assertSame( array( 'Editor’s pick' ), self::reasons( self::dig( $slots, 0, 'items' ) ) );
		$this->assertSame( array( $river, $by_ada ), self::ids( self::dig( $slots, 1, 'items' ) ) );
		$this->assertSame( array( 'Because you read Rivers', 'Because you read Ada Writer' ), self::reasons( self::dig( $slots, 1, 'items' ) ) );
		$this->assertSame( 'Ada Writer', self::dig( $slots, 1, 'items', 1, 'author' ) );

		$requests = self::upstream()->requests();
		$this->assertCount( 1, $requests );
		$this->assertSame( 'POST', $requests[0]['method'] );
		$this->assertSame( '/v1/feed/personal', $requests[0]['uri'] );
		$this->assertSame( $body, json_decode( $requests[0]['body'], true ) );

		$this->call( 'POST', '/feed/personal', $body );
		$this->assertSame( 2, self::upstream()->request_count(), 'A personal answer is never served from a cache.' );
	}

	/**
	 * When the service fails, each slot gets recent posts within its scope: pinned ones first, the post
	 * being read and the excluded never, no post twice across slots, mode `fallback`.
	 */
	public function test_personal_feed_falls_back_per_slot(): void {
		$sport   = self::term( 'Sport' );
		$pinned  = self::post( 'Pinned long ago', array( 'post_date' => '2020-01-01 10:00:00' ) );
		$match   = self::post(
			'Match',
			array(
				'post_category' => array( $sport ),
				'post_date'     => '2022-01-01 10:00:00',
			)
		);
		$context = self::post( 'Being read' );
		$skip    = self::post( 'Skipped' );
		$newest  = self::post( 'Newest' );
		self::post( 'Unpublished pin', array( 'post_status' => 'draft' ) );
		self::service_fails();

		$response = $this->call(
			'POST',
			'/feed/personal',
			array(
				'context' => $context,
				'exclude' => array( $skip ),
				'slots'   => array(
					array(
						'count'  => 2,
						'pinned' => array( $pinned ),
					),
					array(
						'count'    => 3,
						'category' => array( $sport ),
					),
					array( 'count' => 1 ),
				),
			)
		);

		$this->assertSame( 200, $response->get_status() );
		$this->assertSame( 'native', self::header( $response, 'X-Switchboard-Fallback' ) );
		$this->assertSame( 'no-store', self::header( $response, 'Cache-Control' ) );
		$data = self::data( $response );
		$this->assertSame( 'fallback', $data['mode'] ?? null );
		$this->assertNull( $data['request_id'] );
		$slots = $data['slots'] ?? null;
		$this->assertIsArray( $slots );
		$this->assertSame( array( $pinned, $newest ), self::ids( self::dig( $slots, 0, 'items' ) ) );
		$this->assertSame( array( 'Editor’s pick', 'New' ), self::reasons( self::dig( $slots, 0, 'items' ) ) );
		$this->assertSame( array( $match ), self::ids( self::dig( $slots, 1, 'items' ) ), 'Only the slot\'s category.' );
		$next = get_posts(
			array(
				'numberposts'  => 1,
				'fields'       => 'ids',
				'post__not_in' => array( $pinned, $newest, $match, $context, $skip ),
				'orderby'      => array(
					'date' => 'DESC',
					'ID'   => 'DESC',
				),
			)
		);
		$this->assertSame( $next, self::ids( self::dig( $slots, 2, 'items' ) ), 'The newest post not listed yet.' );
	}

	/**
	 * A personal answer without a request id (which events must name) or with an unknown mode is refused,
	 * and the visitor gets the fallback.
	 */
	public function test_personal_answer_outside_the_schema_falls_back(): void {
		$post = self::post( 'Any post' );
		$body = array( 'slots' => array( array( 'count' => 1 ) ) );
		foreach ( array(
			array( 'mode' => 'personalized' ),
			array(
				'request_id' => 'f_1',
				'mode'       => 'secret-experiment',
			),
		) as $answer ) {
			self::answer( $answer + array( 'slots' => array( array( 'items' => array( self::ranked( $post, 'popular' ) ) ) ) ) );

			$response = $this->call( 'POST', '/feed/personal', $body );

			$this->assertSame( 200, $response->get_status() );
			$this->assertSame( 'fallback', self::data( $response )['mode'] ?? null );
		}
	}

	/**
	 * The slot routes and the events route refuse malformed bodies at every depth, without calling the service.
	 */
	public function test_bodies_are_validated_at_every_depth(): void {
		$slot  = array( 'count' => 3 );
		$event = array(
			'type' => 'click',
			'post' => 4,
		);
		$cases = array(
			'/feed/personal' => array(
				array(),
				array( 'slots' => array() ),
				array( 'slots' => array_fill( 0, 7, $slot ) ),
				array( 'slots' => array( array( 'count' => 13 ) ) ),
				array( 'slots' => array( array( 'count' => 0 ) ) ),
				array( 'slots' => array( array( 'category' => array( 1 ) ) ) ),
				array( 'slots' => array( array( 'count' => 2, 'host' => 'evil.example' ) ) ), // phpcs:ignore WordPress.Arrays.ArrayDeclarationSpacing.AssociativeArrayFound -- one case per line.
				array( 'slots' => array( array( 'count' => 2, 'pinned' => range( 1, 51 ) ) ) ), // phpcs:ignore WordPress.Arrays.ArrayDeclarationSpacing.AssociativeArrayFound -- one case per line.
				array( 'slots' => array( array( 'count' => 2, 'tag' => array( 'x' ) ) ) ), // phpcs:ignore WordPress.Arrays.ArrayDeclarationSpacing.AssociativeArrayFound -- one case per line.
				array( 'slots' => array( array( 'count' => 2, 'category' => array( -1 ) ) ) ), // phpcs:ignore WordPress.Arrays.ArrayDeclarationSpacing.AssociativeArrayFound -- one case per line.
				array( 'slots' => array( 'x' ) ),
				array( 'slots' => array( $slot ), 'visitor' => 'short' ), // phpcs:ignore WordPress.Arrays.ArrayDeclarationSpacing.AssociativeArrayFound -- one case per line.
				array( 'slots' => array( $slot ), 'visitor' => str_repeat( 'a', 21 ) . '/' ), // phpcs:ignore WordPress.Arrays.ArrayDeclarationSpacing.AssociativeArrayFound -- one case per line.
				array( 'slots' => array( $slot ), 'exclude' => range( 1, 51 ) ), // phpcs:ignore WordPress.Arrays.ArrayDeclarationSpacing.AssociativeArrayFound -- one case per line.
				array( 'slots' => array( $slot ), 'context' => 0 ), // phpcs:ignore WordPress.Arrays.ArrayDeclarationSpacing.AssociativeArrayFound -- one case per line.
				array( 'slots' => array( $slot ), 'profile' => array() ), // phpcs:ignore WordPress.Arrays.ArrayDeclarationSpacing.AssociativeArrayFound -- one case per line.
				array( 'slots' => array( array( 'count' => 2, 'category' => array( "1\0" ) ) ) ), // phpcs:ignore WordPress.Arrays.ArrayDeclarationSpacing.AssociativeArrayFound -- one case per line.
			),
			'/feed/events'   => array(
				array(),
				array( 'events' => array() ),
				array( 'events' => array_fill( 0, 51, $event ) ),
				array( 'events' => array( array( 'type' => 'purchase', 'post' => 4 ) ) ), // phpcs:ignore WordPress.Arrays.ArrayDeclarationSpacing.AssociativeArrayFound -- one case per line.
				array( 'events' => array( array( 'type' => 'view' ) ) ),
				array( 'events' => array( array( 'type' => 'view', 'post' => 0 ) ) ), // phpcs:ignore WordPress.Arrays.ArrayDeclarationSpacing.AssociativeArrayFound -- one case per line.
				array( 'events' => array( $event + array( 'user' => 1 ) ) ),
				array( 'events' => array( $event + array( 'feed' => '../../x' ) ) ),
				array( 'events' => array( $event + array( 'position' => 256 ) ) ),
				array( 'events' => array( $event ), 'visitor' => 'x' ), // phpcs:ignore WordPress.Arrays.ArrayDeclarationSpacing.AssociativeArrayFound -- one case per line.
			),
			'/feed/forget'   => array(
				array(),
				array( 'visitor' => '' ),
				array( 'visitor' => str_repeat( 'a', 23 ) ),
				array( 'visitor' => array( self::VISITOR ) ),
				array(
					'visitor' => self::VISITOR,
					'key'     => 'u:1',
				),
			),
		);

		foreach ( $cases as $path => $bodies ) {
			foreach ( $bodies as $index => $body ) {
				$response = $this->call( 'POST', $path, $body );
				$this->assertSame( 400, $response->get_status(), $path . ' case ' . $index . ': ' . wp_json_encode( $body ) );
			}
		}
		$this->assertSame( 0, self::upstream()->request_count() );
	}

	/**
	 * Events go to `/v1/signals` without a nonce; an oversized body is refused before it is parsed.
	 */
	public function test_events_are_forwarded_and_bounded(): void {
		self::answer( array( 'accepted' => 2 ) );
		$body = array(
			'visitor' => self::VISITOR,
			'events'  => array(
				array(
					'type'     => 'impression',
					'post'     => 12,
					'feed'     => 'f_abc',
					'position' => 0,
				),
				array(
					'type' => 'view',
					'post' => 12,
				),
			),
		);

		$response = $this->call( 'POST', '/feed/events', $body );

		$this->assertSame( 200, $response->get_status() );
		$this->assertSame( array( 'accepted' => 2 ), self::data( $response ) );
		$this->assertSame( '30', self::header( $response, 'RateLimit-Limit' ) );
		$this->assertSame( 'private, no-store', self::header( $response, 'Cache-Control' ) );
		$requests = self::upstream()->requests();
		$this->assertSame( '/v1/signals', self::dig( $requests, 0, 'uri' ) );
		$this->assertSame( $body, json_decode( $requests[0]['body'], true ) );

		// 50 valid events padded past 16 KB with white space, which JSON allows.
		$padded  = (string) wp_json_encode( array( 'events' => array_fill( 0, 50, $body['events'][0] ) ), JSON_PRETTY_PRINT );
		$padded  = str_replace( ',', ',' . str_repeat( ' ', 60 ), $padded );
		$request = new \WP_REST_Request( 'POST', '/switchboard/v1/feed/events' );
		$request->set_header( 'content-type', 'application/json' );
		$request->set_body( $padded );
		$this->assertGreaterThan( 16384, strlen( $padded ) );
		$too_large = rest_get_server()->dispatch( $request );
		$this->assertSame( 400, $too_large->get_status() );
		$this->assertSame( 1, self::upstream()->request_count() );
	}

	/**
	 * A service refusal (no profile to record against) reaches the browser with the service's code.
	 */
	public function test_events_without_a_profile_are_the_services_400(): void {
		self::answer(
			array(
				'code'    => 'no_profile',
				'message' => 'Events need a visitor or a user.',
			),
			400
		);

		$response = $this->call( 'POST', '/feed/events', array( 'events' => array( array( 'type' => 'click', 'post' => 3 ) ) ) ); // phpcs:ignore WordPress.Arrays.ArrayDeclarationSpacing.AssociativeArrayFound -- a one-event body.

		$this->assertSame( 400, $response->get_status() );
		$this->assertSame( 'no_profile', self::data( $response )['code'] ?? null );
	}

	/**
	 * "Stop personalizing" erases the anonymous profile at the service.
	 */
	public function test_forget_erases_the_anonymous_profile(): void {
		self::answer( array( 'deleted' => true ) );

		$response = $this->call( 'POST', '/feed/forget', array( 'visitor' => self::VISITOR ) );

		$this->assertSame( 200, $response->get_status() );
		$this->assertSame( array( 'deleted' => true ), self::data( $response ) );
		$requests = self::upstream()->requests();
		$this->assertSame( 'POST', self::dig( $requests, 0, 'method' ) );
		$this->assertSame( '/v1/profiles/forget', self::dig( $requests, 0, 'uri' ) );
		$this->assertSame( array( 'visitor' => self::VISITOR ), json_decode( $requests[0]['body'], true ) );
	}

	/**
	 * The visitor routes need no nonce, and a stale one from a page cached days ago never breaks them.
	 */
	public function test_visitor_routes_need_no_nonce_and_tolerate_a_stale_one(): void {
		$routes = ( new RouteRegistry( new ServiceRegistry() ) )->public_routes();
		foreach ( array( 'feed', 'feed/personal', 'feed/events', 'feed/forget' ) as $path ) {
			$stale = new WP_Error( 'rest_cookie_invalid_nonce', 'Cookie check failed' );
			$this->log_in_as( 'subscriber' );
			$this->assertTrue( Access::tolerate_stale_nonce( $stale, $routes, '/switchboard/v1/' . $path ), $path );
			$this->assertSame( 0, get_current_user_id(), 'Answered as an anonymous visitor.' );
		}

		self::answer( array( 'deleted' => false ) );
		$response = $this->call( 'POST', '/feed/forget', array( 'visitor' => self::VISITOR ) );
		$this->assertSame( 200, $response->get_status(), 'No nonce needed.' );
	}

	/**
	 * Consent the server knows: granted lets requests through; in prompt mode only the browser knows.
	 */
	public function test_consent_modes_the_server_can_check(): void {
		self::answer( array( 'accepted' => 1 ) );
		$event = array(
			'events' => array(
				array(
					'type' => 'click',
					'post' => 3,
				),
			),
		);

		$this->assertSame( 200, $this->call( 'POST', '/feed/events', $event )->get_status(), 'Prompt mode: the browser sends only with consent.' );

		add_filter( 'switchboard_feed_consent_mode', static fn(): string => 'granted' );
		$this->assertSame( 200, $this->call( 'POST', '/feed/events', $event )->get_status() );
	}

	/**
	 * The editor's preview sends the sample profile with its maps as JSON objects and answers items.
	 */
	public function test_preview_is_for_editors_and_sends_the_profile(): void {
		$news = self::term( 'News' );
		$post = self::post( 'Headline', array( 'post_category' => array( $news ) ) );
		self::answer(
			array(
				'request_id' => 'f_preview',
				'mode'       => 'personalized',
				'slots'      => array(
					array(
						'items' => array(
							self::ranked( $post, 'category', $news ),
						),
					),
				),
			)
		);
		$body = array(
			'profile' => array(
				'category' => array( (string) $news => 3 ),
				'tag'      => new \stdClass(),
				'author'   => new \stdClass(),
			),
			'slots'   => array( array( 'count' => 4 ) ),
		);

		$anonymous = $this->call( 'POST', '/feed/preview', $body );
		$this->assertSame( 401, $anonymous->get_status() );
		$this->log_in_as( 'subscriber' );
		$this->assertSame( 403, $this->call( 'POST', '/feed/preview', $body )->get_status() );
		$this->assertSame( 0, self::upstream()->request_count() );

		$this->log_in_as( 'editor' );
		$response = $this->call( 'POST', '/feed/preview', $body );

		$this->assertSame( 200, $response->get_status() );
		$data = self::data( $response );
		$this->assertIsArray( $data['slots'] ?? null );
		$this->assertSame( array( 'Because you read News' ), self::reasons( self::dig( $data, 'slots', 0, 'items' ) ) );
		$requests = self::upstream()->requests();
		$this->assertCount( 1, $requests );
		$this->assertSame( '/v1/feed/preview', $requests[0]['uri'] );
		$this->assertStringContainsString( '"profile":{"category":{"' . $news . '":3},"tag":{},"author":{}}', $requests[0]['body'] );

		$bad                        = $body;
		$bad['profile']['category'] = array( 'news' => 3 );
		$this->assertSame( 400, $this->call( 'POST', '/feed/preview', $bad )->get_status() );
		$bad['profile'] = array( 'interests' => array() );
		$this->assertSame( 400, $this->call( 'POST', '/feed/preview', $bad )->get_status() );
		$this->assertSame( 1, self::upstream()->request_count() );
	}

	/**
	 * The preview's sample readers: one per top category by post count, answered by WordPress.
	 */
	public function test_sample_profiles_come_from_the_top_categories(): void {
		$busy  = self::term( 'Busy' );
		$quiet = self::term( 'Quiet' );
		$empty = self::term( 'Empty' );
		foreach ( array( 'One', 'Two', 'Three' ) as $title ) {
			self::post( $title, array( 'post_category' => array( $busy ) ) );
		}
		self::post( 'Four', array( 'post_category' => array( $quiet, $busy ) ) );

		$this->assertSame( 401, $this->call( 'GET', '/feed/profiles' )->get_status() );
		$this->log_in_as( 'editor' );
		$response = $this->call( 'GET', '/feed/profiles' );

		$this->assertSame( 200, $response->get_status() );
		$json = (string) wp_json_encode( $response->get_data() );
		$data = json_decode( $json, true );
		$this->assertIsArray( $data );
		$ids = array_column( $data, 'id' );
		$this->assertSame( 'category-' . $busy, $ids[0] ?? null );
		$this->assertContains( 'category-' . $quiet, $ids );
		$this->assertNotContains( 'category-' . $empty, $ids );
		$this->assertSame( 'A reader of Busy', self::dig( $data, 0, 'label' ) );
		$this->assertStringContainsString( '"profile":{"category":{"' . $busy . '":3},"tag":{},"author":{}}', $json );
		$this->assertSame( 0, self::upstream()->request_count() );

		$this->assertSame( 400, $this->call( 'GET', '/feed/profiles', array( 'user' => '1' ) )->get_status() );
	}
}

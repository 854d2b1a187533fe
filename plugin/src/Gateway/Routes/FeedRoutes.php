<?php
/**
 * The feed service's gateway routes.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Gateway\Routes;

use Switchboard\Feed\Fallback;
use Switchboard\Feed\Hydrator;
use Switchboard\Feed\ReasonText;
use Switchboard\Gateway\Cache\CachePolicy;
use Switchboard\Gateway\RateLimit\Policy;
use Switchboard\Gateway\RequestArguments;
use Switchboard\Gateway\Route;
use WP_REST_Request;

/**
 * The feed's routes (issue 6 contract):
 *
 * - `GET /feed`: the non-personal feed, the same for everyone, so cached publicly like search.
 * - `POST /feed/personal`: the visitor's feed; `private, no-store`; refused when the server knows consent
 *   is missing (Feed\RequestGuard); recent posts per slot when the service fails.
 * - `POST /feed/preview`: the editor's preview as a sample reader.
 * - `POST /feed/events`: impressions, views and clicks, bounded (50 events, 16 KB) and rate-limited.
 * - `POST /feed/forget`: erases an anonymous visitor's profile ("Stop personalizing").
 *
 * The visitor routes are public (no nonce): a page served from a full-page cache days ago must still work,
 * and they act only on the visitor's own profile (the id they send, or their login). The service answers
 * ids; the transform turns them into items from WordPress (Feed\Hydrator), so only published posts leave.
 */
final class FeedRoutes {

	/**
	 * Id of an anonymous visitor: 22 base64url characters (16 random bytes).
	 */
	public const VISITOR_PATTERN = '^[A-Za-z0-9_-]{22}$';

	/**
	 * Largest id the feed passes on: the service is JavaScript, whose numbers are exact up to 2^53 - 1.
	 */
	public const MAX_ID = 9007199254740991;

	/**
	 * Comma-separated ids in a query argument (at most 50).
	 */
	private const ID_LIST_PATTERN = '^[1-9][0-9]{0,15}(,[1-9][0-9]{0,15}){0,49}$';

	/**
	 * The routes.
	 *
	 * @return list<Route>
	 */
	public static function routes(): array {
		$slots_answer = static fn( array $answer ): array => self::hydrate_slots( $answer );

		return array(
			new Route(
				'feed/items',
				'feed',
				'/feed',
				'GET',
				'/v1/feed',
				Route::ACCESS_PUBLIC,
				self::query_args(),
				self::items_schema(),
				CachePolicy::public( 60, 300, 86400 ),
				null,
				static fn( array $args ): array => Fallback::items( $args ),
				static fn( array $answer ): array => self::hydrate_items( $answer )
			),
			new Route(
				'feed/personal',
				'feed',
				'/feed/personal',
				'POST',
				'/v1/feed/personal',
				Route::ACCESS_PUBLIC,
				array(
					'visitor' => self::visitor_arg( false ),
				) + self::slot_body_args(),
				self::slots_schema(),
				null,
				Policy::per( 60, 60 ),
				static fn( array $args ): array => Fallback::slots( $args ),
				$slots_answer
			),
			new Route(
				'feed/preview',
				'feed',
				'/feed/preview',
				'POST',
				'/v1/feed/preview',
				Route::ACCESS_EDITOR,
				array(
					'profile' => self::profile_arg(),
				) + self::slot_body_args(),
				self::slots_schema(),
				null,
				null,
				static fn( array $args ): array => Fallback::slots( $args ),
				$slots_answer
			),
			new Route(
				'feed/events',
				'feed',
				'/feed/events',
				'POST',
				'/v1/signals',
				Route::ACCESS_PUBLIC,
				array(
					'visitor' => self::visitor_arg( false ),
					'events'  => self::events_arg(),
				),
				array(
					'type'       => 'object',
					'required'   => array( 'accepted' ),
					'properties' => array(
						'accepted' => array(
							'type'    => 'integer',
							'minimum' => 0,
							'maximum' => 50,
						),
					),
				),
				null,
				Policy::per( 30, 60 )
			),
			new Route(
				'feed/forget',
				'feed',
				'/feed/forget',
				'POST',
				'/v1/profiles/forget',
				Route::ACCESS_PUBLIC,
				array(
					'visitor' => self::visitor_arg( true ),
				),
				array(
					'type'       => 'object',
					'required'   => array( 'deleted' ),
					'properties' => array(
						'deleted' => array( 'type' => 'boolean' ),
					),
				),
				null,
				Policy::per( 10, 60 )
			),
		);
	}

	/**
	 * The service's answer to `GET /v1/feed`: ids with reasons.
	 *
	 * @return array<string, mixed>
	 */
	public static function items_schema(): array {
		return array(
			'type'       => 'object',
			'required'   => array( 'items' ),
			'properties' => array(
				'items'      => array(
					'type'     => 'array',
					'maxItems' => 24,
					'items'    => self::reference_schema(),
				),
				'request_id' => self::request_id_schema(),
			),
		);
	}

	/**
	 * The service's answer to the slot routes: a mode and ids with reasons per slot.
	 *
	 * @return array<string, mixed>
	 */
	public static function slots_schema(): array {
		return array(
			'type'       => 'object',
			// The request id is required: the browser names it in the events that attribute clicks to the answer.
			'required'   => array( 'request_id', 'mode', 'slots' ),
			'properties' => array(
				'request_id' => self::request_id_schema(),
				'mode'       => array(
					'type' => 'string',
					'enum' => array( 'personalized', 'holdout', 'cold' ),
				),
				'slots'      => array(
					'type'     => 'array',
					'maxItems' => 6,
					'items'    => array(
						'type'       => 'object',
						'required'   => array( 'items' ),
						'properties' => array(
							'items' => array(
								'type'     => 'array',
								'maxItems' => 12,
								'items'    => self::reference_schema(),
							),
						),
					),
				),
			),
		);
	}

	/**
	 * `GET /feed`'s answer with items instead of ids, in the site's language whoever asked first (it is
	 * cached for everyone).
	 *
	 * @param array<mixed> $answer The service's answer, checked against items_schema().
	 * @return array{items: list<array<string, mixed>>, request_id: string|null}
	 */
	public static function hydrate_items( array $answer ): array {
		$switched = switch_to_locale( get_locale() );
		$items    = Hydrator::items( self::references( $answer['items'] ?? null ) );
		if ( $switched ) {
			restore_previous_locale();
		}

		return array(
			'items'      => $items,
			'request_id' => is_string( $answer['request_id'] ?? null ) ? $answer['request_id'] : null,
		);
	}

	/**
	 * A slot answer with items instead of ids.
	 *
	 * @param array<mixed> $answer The service's answer, checked against slots_schema().
	 * @return array{request_id: string|null, mode: string, slots: list<array{items: list<array<string, mixed>>}>}
	 */
	public static function hydrate_slots( array $answer ): array {
		$refs = array();
		foreach ( is_array( $answer['slots'] ?? null ) ? $answer['slots'] : array() as $slot ) {
			$refs[] = self::references( is_array( $slot ) ? ( $slot['items'] ?? null ) : null );
		}

		return array(
			'request_id' => is_string( $answer['request_id'] ?? null ) ? $answer['request_id'] : null,
			'mode'       => is_string( $answer['mode'] ?? null ) ? $answer['mode'] : 'cold',
			'slots'      => array_map( static fn( array $items ): array => array( 'items' => $items ), Hydrator::slots( $refs ) ),
		);
	}

	/**
	 * The checked references of a list.
	 *
	 * @param mixed $items A list from the answer.
	 * @return list<array<mixed>>
	 */
	private static function references( mixed $items ): array {
		return is_array( $items ) ? array_values( array_filter( $items, 'is_array' ) ) : array();
	}

	/**
	 * One post the service picked: its id and why.
	 *
	 * @return array<string, mixed>
	 */
	private static function reference_schema(): array {
		return array(
			'type'       => 'object',
			'required'   => array( 'id', 'reason' ),
			'properties' => array(
				'id'     => array(
					'type'    => 'integer',
					'minimum' => 1,
				),
				'reason' => array(
					'type'       => 'object',
					'required'   => array( 'kind' ),
					'properties' => array(
						'kind' => array(
							'type' => 'string',
							'enum' => ReasonText::KINDS,
						),
						'id'   => array(
							'type'    => 'integer',
							'minimum' => 1,
						),
					),
				),
			),
		);
	}

	/**
	 * The service's request id (events name it to attribute clicks to the answer's mode).
	 *
	 * @return array<string, mixed>
	 */
	private static function request_id_schema(): array {
		return array(
			'type'    => 'string',
			'pattern' => '^[A-Za-z0-9_-]{1,64}$',
		);
	}

	/**
	 * `GET /feed`'s query arguments, as the service takes them.
	 *
	 * @return array<string, array<string, mixed>>
	 */
	private static function query_args(): array {
		$list = static fn( string $description ): array => array(
			'description' => $description,
			'type'        => 'string',
			'pattern'     => self::ID_LIST_PATTERN,
			'maxLength'   => 1000,
		);

		return array(
			'per_page'         => array(
				'description' => __( 'Items to return.', 'switchboard' ),
				'type'        => 'integer',
				'minimum'     => 1,
				'maximum'     => 24,
				'default'     => 6,
			),
			'category'         => $list( __( 'Only posts in these categories (comma-separated ids).', 'switchboard' ) ),
			'exclude_category' => $list( __( 'No posts in these categories (comma-separated ids).', 'switchboard' ) ),
			'tag'              => $list( __( 'Only posts with these tags (comma-separated ids).', 'switchboard' ) ),
			'exclude_tag'      => $list( __( 'No posts with these tags (comma-separated ids).', 'switchboard' ) ),
			'exclude'          => $list( __( 'Posts never to list (comma-separated ids).', 'switchboard' ) ),
			'order'            => array(
				'description' => __( 'Most read first, or newest first.', 'switchboard' ),
				'type'        => 'string',
				'enum'        => array( 'popular', 'recent' ),
				'default'     => 'popular',
			),
		);
	}

	/**
	 * The body arguments the personal and preview routes share.
	 *
	 * @return array<string, array<string, mixed>>
	 */
	private static function slot_body_args(): array {
		return array(
			'context' => array(
				'description' => __( 'The post being read: never listed, and counted as read.', 'switchboard' ),
				'type'        => 'integer',
				'minimum'     => 1,
				'maximum'     => self::MAX_ID,
			),
			'exclude' => self::id_list( __( 'Posts never to list.', 'switchboard' ) ),
			'slots'   => array(
				'description' => __( 'The feed blocks of the page, in document order.', 'switchboard' ),
				'type'        => 'array',
				'required'    => true,
				'minItems'    => 1,
				'maxItems'    => 6,
				'items'       => array(
					'type'                 => 'object',
					'additionalProperties' => false,
					'required'             => array( 'count' ),
					'properties'           => array(
						'count'            => array(
							'type'    => 'integer',
							'minimum' => 1,
							'maximum' => 12,
						),
						'category'         => self::id_list( __( 'Only posts in these categories.', 'switchboard' ) ),
						'exclude_category' => self::id_list( __( 'No posts in these categories.', 'switchboard' ) ),
						'tag'              => self::id_list( __( 'Only posts with these tags.', 'switchboard' ) ),
						'exclude_tag'      => self::id_list( __( 'No posts with these tags.', 'switchboard' ) ),
						'pinned'           => self::id_list( __( 'Posts listed first.', 'switchboard' ) ),
					),
				),
			),
		);
	}

	/**
	 * A list of at most 50 ids in a body.
	 *
	 * @param string $description What the ids are.
	 * @return array<string, mixed>
	 */
	private static function id_list( string $description ): array {
		return array(
			'description' => $description,
			'type'        => 'array',
			'maxItems'    => 50,
			'items'       => array(
				'type'    => 'integer',
				'minimum' => 1,
				'maximum' => self::MAX_ID,
			),
		);
	}

	/**
	 * The anonymous visitor's id.
	 *
	 * @param bool $required Whether the route needs it.
	 * @return array<string, mixed>
	 */
	private static function visitor_arg( bool $required ): array {
		return array(
			'description' => __( 'The anonymous visitor id the browser created when the visitor consented.', 'switchboard' ),
			'type'        => 'string',
			'pattern'     => self::VISITOR_PATTERN,
			'required'    => $required,
		);
	}

	/**
	 * A sample reader's profile for the preview: reads per category, tag and author id.
	 *
	 * @return array<string, mixed>
	 */
	private static function profile_arg(): array {
		$weights = array(
			'type'                 => 'object',
			'maxProperties'        => 50,
			'additionalProperties' => false,
			'patternProperties'    => array(
				'^[1-9][0-9]{0,15}$' => array(
					'type'    => 'integer',
					'minimum' => 0,
					'maximum' => 1000,
				),
			),
		);

		return array(
			'description'          => __( 'The sample reader: how many posts they read per category, tag and author.', 'switchboard' ),
			'type'                 => 'object',
			'required'             => true,
			'additionalProperties' => false,
			'properties'           => array(
				'category' => $weights,
				'tag'      => $weights,
				'author'   => $weights,
			),
			'sanitize_callback'    => array( self::class, 'sanitize_profile' ),
		);
	}

	/**
	 * Sanitizes the profile and keeps its maps JSON objects: PHP decodes `{}` to an empty array, which
	 * would reach the service as `[]`.
	 *
	 * @param mixed           $value   Validated value.
	 * @param WP_REST_Request $request Request.
	 * @param string          $param   Parameter name.
	 * @return array<string, object>
	 */
	public static function sanitize_profile( mixed $value, WP_REST_Request $request, string $param ): array {
		$value   = RequestArguments::sanitize( $value, $request, $param );
		$profile = array();
		foreach ( array( 'category', 'tag', 'author' ) as $kind ) {
			$weights          = is_array( $value ) && is_array( $value[ $kind ] ?? null ) ? $value[ $kind ] : array();
			$profile[ $kind ] = (object) $weights;
		}

		return $profile;
	}

	/**
	 * The visitor's events: impressions, views and clicks.
	 *
	 * @return array<string, mixed>
	 */
	private static function events_arg(): array {
		return array(
			'description' => __( 'What the visitor saw, read and clicked.', 'switchboard' ),
			'type'        => 'array',
			'required'    => true,
			'minItems'    => 1,
			'maxItems'    => 50,
			'items'       => array(
				'type'                 => 'object',
				'additionalProperties' => false,
				'required'             => array( 'type', 'post' ),
				'properties'           => array(
					'type'     => array(
						'type' => 'string',
						'enum' => array( 'impression', 'view', 'click' ),
					),
					'post'     => array(
						'type'    => 'integer',
						'minimum' => 1,
						'maximum' => self::MAX_ID,
					),
					'feed'     => self::request_id_schema(),
					'position' => array(
						'type'    => 'integer',
						'minimum' => 0,
						'maximum' => 255,
					),
				),
			),
		);
	}
}

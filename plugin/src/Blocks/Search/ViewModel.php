<?php
/**
 * What the search block shows.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Blocks\Search;

use Switchboard\Blocks\Image;

/**
 * Everything render.php prints for switchboard/search, as plain values: the form's texts and settings, and
 * the Interactivity context the markup's directives read (the results, highlights, facets, sort, suggestion
 * and page links of a search). WordPress renders those directives on the server for the first paint, and
 * the view script updates the same context in the browser, so both paint the same markup.
 *
 * The form submits with GET to the page it is on (the URL state of UrlState), so a search works without
 * JavaScript and a results page can be linked, cached and crawled like any other URL.
 *
 * @phpstan-type Strings array{emptyQueryMessage: string, summaryOne: string, summaryMany: string, summaryNone: string, countOne: string, countMany: string, searching: string, failed: string, pageLabel: string, legends: array<string, string>, anyTime: string, types: array<string, string>}
 * @phpstan-type Config array{perPage: int, instant: bool, showExcerpt: bool, showDate: bool, showPostType: bool, showImage: bool, facets: list<string>, kept: object}
 * @phpstan-type Answer array{data: array<mixed>|null, fallback: bool}
 */
final class ViewModel {

	/**
	 * Query variable of the search term.
	 */
	public const QUERY_VAR = 'q';

	/**
	 * Query variable of the results page.
	 */
	public const PAGE_VAR = 'qpage';

	/**
	 * Longest term searched for, in characters; longer input is cut (the field's `maxlength` too).
	 */
	public const MAX_TERM_LENGTH = UrlState::MAX_TERM_LENGTH;

	/**
	 * Bounds and default of the `perPage` attribute.
	 */
	public const PER_PAGE_MIN     = 1;
	public const PER_PAGE_MAX     = 20;
	public const PER_PAGE_DEFAULT = 10;

	/**
	 * Facets the block can show, in display order.
	 */
	public const FACETS = array( 'category', 'post_tag', 'author', 'type', 'date' );

	/**
	 * Facets shown when the attribute is missing.
	 */
	public const DEFAULT_FACETS = array( 'category', 'post_tag', 'type', 'date' );

	/**
	 * A suggestion is offered when fewer results than this were found.
	 */
	public const SUGGEST_BELOW = 5;

	/**
	 * Holds the values; use from_request() or from_globals().
	 *
	 * @param string                $label         Field label.
	 * @param bool                  $show_label    Whether the label is visible (it is always read by screen readers).
	 * @param string                $placeholder   Placeholder, empty for none.
	 * @param string                $button_text   Text of the submit button.
	 * @param string                $term          Sanitized term; empty when nothing was searched.
	 * @param array<string, string> $hidden_fields Page variables the form keeps (e.g. `page_id` without pretty permalinks).
	 * @param array<string, mixed>  $context       The Interactivity context (see view.ts `SearchContext`).
	 */
	private function __construct(
		public readonly string $label,
		public readonly bool $show_label,
		public readonly string $placeholder,
		public readonly string $button_text,
		public readonly string $term,
		public readonly array $hidden_fields,
		public readonly array $context
	) {}

	/**
	 * Builds the view of the current request through the gateway.
	 *
	 * @param array<string, mixed> $attributes Block attributes, as WordPress passes them to render.php.
	 * @return self
	 */
	public static function from_globals( array $attributes ): self {
		global $wp;

		// phpcs:ignore WordPress.Security.NonceVerification.Recommended -- a public GET search form changes nothing.
		$query = wp_unslash( $_GET );
		$raw   = isset( $_SERVER['QUERY_STRING'] ) && is_string( $_SERVER['QUERY_STRING'] ) ? $_SERVER['QUERY_STRING'] : ''; // phpcs:ignore WordPress.Security.ValidatedSanitizedInput.InputNotSanitized -- only the list variables are read, each value validated by UrlState.
		$kept  = $wp instanceof \WP ? $wp->public_query_vars : array();

		return self::from_request( $attributes, $query, new GatewaySearch(), $kept, UrlState::repeated( $raw ) );
	}

	/**
	 * Builds the view of a request.
	 *
	 * @param array<string, mixed> $attributes Block attributes.
	 * @param array<mixed>         $query      The request's query variables, unslashed and untrusted.
	 * @param GatewaySearch        $gateway    Answers searches.
	 * @param array<string>        $kept_vars  Query variables that say which page this is, kept by the form and the links.
	 * @param array<mixed>         $repeated   Every value of repeated list variables (see UrlState::repeated()).
	 * @param int|null             $now        Unix time date ranges count back from.
	 * @return self
	 */
	public static function from_request( array $attributes, array $query, GatewaySearch $gateway, array $kept_vars = array(), array $repeated = array(), ?int $now = null ): self {
		$state    = UrlState::from_query( $query, $repeated );
		$per_page = self::per_page( $attributes['perPage'] ?? self::PER_PAGE_DEFAULT );
		$hidden   = self::kept_fields( $query, $kept_vars );
		$config   = array(
			'perPage'      => $per_page,
			'instant'      => (bool) ( $attributes['instant'] ?? false ),
			'showExcerpt'  => (bool) ( $attributes['showExcerpt'] ?? true ),
			'showDate'     => (bool) ( $attributes['showDate'] ?? true ),
			'showPostType' => (bool) ( $attributes['showPostType'] ?? false ),
			'showImage'    => (bool) ( $attributes['showImage'] ?? false ),
			'facets'       => self::facets( $attributes['facets'] ?? self::DEFAULT_FACETS ),
			'kept'         => (object) $hidden,
		);

		$answer = null;
		if ( '' !== $state->term ) {
			$answer = $gateway->search( $state->gateway_args( $per_page, $now ?? time() ) );
			$pages  = is_int( $answer['data']['pages'] ?? null ) ? $answer['data']['pages'] : 0;
			// A page beyond the last (an old link, a shrunken index) shows the last page instead of nothing.
			if ( $pages > 0 && $state->page > $pages ) {
				$state  = $state->with_page( $pages );
				$answer = $gateway->search( $state->gateway_args( $per_page, $now ?? time() ) );
			}
		}

		return new self(
			self::text( $attributes['label'] ?? '', __( 'Search', 'switchboard' ) ),
			(bool) ( $attributes['showLabel'] ?? true ),
			self::text( $attributes['placeholder'] ?? '', '' ),
			self::text( $attributes['buttonText'] ?? '', __( 'Search', 'switchboard' ) ),
			$state->term,
			$hidden,
			self::context( $state, $config, $answer, $hidden )
		);
	}

	/**
	 * The `perPage` attribute within its bounds.
	 *
	 * @param mixed $value Attribute value.
	 * @return int
	 */
	public static function per_page( mixed $value ): int {
		$per_page = is_numeric( $value ) ? (int) $value : self::PER_PAGE_DEFAULT;

		return min( self::PER_PAGE_MAX, max( self::PER_PAGE_MIN, $per_page ) );
	}

	/**
	 * The texts the view script needs to paint an answer in the visitor's language, as state.
	 *
	 * @phpstan-return Strings
	 * @return array<string, mixed>
	 */
	public static function strings(): array {
		$types = array();
		foreach ( get_post_types( array( 'public' => true ), 'objects' ) as $slug => $type ) {
			$label          = $type->labels->singular_name ?? '';
			$types[ $slug ] = is_string( $label ) && '' !== $label ? $label : $slug;
		}

		return array(
			'emptyQueryMessage' => __( 'Type what you are looking for, then search.', 'switchboard' ),
			/* translators: 1: number of results, 2: the search term. */
			'summaryOne'        => _n( '%1$s result for “%2$s”', '%1$s results for “%2$s”', 1, 'switchboard' ),
			/* translators: 1: number of results, 2: the search term. */
			'summaryMany'       => _n( '%1$s result for “%2$s”', '%1$s results for “%2$s”', 2, 'switchboard' ),
			/* translators: %s: the search term. */
			'summaryNone'       => __( 'No results for “%s”', 'switchboard' ),
			/* translators: %s: number of results. */
			'countOne'          => _n( '%s result', '%s results', 1, 'switchboard' ),
			/* translators: %s: number of results. */
			'countMany'         => _n( '%s result', '%s results', 2, 'switchboard' ),
			'searching'         => __( 'Searching…', 'switchboard' ),
			'failed'            => __( 'Search is not available right now. Please try again.', 'switchboard' ),
			/* translators: %s: a page number. */
			'pageLabel'         => __( 'Page %s', 'switchboard' ),
			'legends'           => self::legends(),
			'anyTime'           => __( 'Any time', 'switchboard' ),
			'types'             => $types,
		);
	}

	/**
	 * The Interactivity context of a search (or of the empty form).
	 *
	 * @phpstan-param Config      $config
	 * @phpstan-param Answer|null $answer
	 *
	 * @param UrlState                  $state  What was searched.
	 * @param array<string, mixed>      $config Display settings.
	 * @param array<string, mixed>|null $answer The gateway's answer; null when nothing was searched.
	 * @param array<string, string>     $hidden Page variables links carry.
	 * @return array<string, mixed>
	 */
	private static function context( UrlState $state, array $config, ?array $answer, array $hidden ): array {
		$strings = self::strings();
		$data    = $answer['data'] ?? null;
		$total   = is_int( $data['total'] ?? null ) ? $data['total'] : 0;
		$pages   = is_int( $data['pages'] ?? null ) ? $data['pages'] : 0;
		$page    = is_int( $data['page'] ?? null ) ? $data['page'] : $state->page;
		$raw     = $data['suggestion'] ?? null;
		$suggest = is_string( $raw ) && $total < self::SUGGEST_BELOW && $raw !== $state->term ? $raw : '';

		$links = self::page_links( $state->with_page( $page ), $pages, $hidden, $strings );

		return array(
			'config'        => $config,
			'q'             => $state->term,
			'page'          => $page,
			'lists'         => (object) array_filter( $state->lists ),
			'date'          => $state->date,
			'sort'          => $state->sort,
			'byDate'        => 'date' === $state->sort,
			'searched'      => null !== $answer,
			'error'         => null !== $answer && null === $data,
			'fallback'      => null !== $data && null !== $answer && $answer['fallback'],
			'busy'          => false,
			'enhanced'      => false,
			'message'       => '',
			'total'         => $total,
			'empty'         => null !== $data && 0 === $total,
			'start'         => ( $page - 1 ) * $config['perPage'] + 1,
			'summary'       => null === $data ? '' : self::summary( $total, $state->term, $strings ),
			'results'       => null === $data ? array() : self::results( $data['results'] ?? array(), $config, $strings ),
			'facets'        => null === $data ? array() : self::facet_groups( $data['facets'] ?? array(), $config, $state, $strings ),
			'suggestion'    => $suggest,
			'suggestionUrl' => '' === $suggest ? '' : ( new UrlState( $suggest ) )->url( $hidden ),
		) + $links;
	}

	/**
	 * The heading above the results.
	 *
	 * @phpstan-param Strings $strings
	 *
	 * @param int                  $total   Results found.
	 * @param string               $term    Term.
	 * @param array<string, mixed> $strings Texts.
	 * @return string
	 */
	private static function summary( int $total, string $term, array $strings ): string {
		if ( 0 === $total ) {
			return sprintf( $strings['summaryNone'], $term );
		}

		return sprintf( 1 === $total ? $strings['summaryOne'] : $strings['summaryMany'], number_format_i18n( $total ), $term );
	}

	/**
	 * Results as the markup's each-loop reads them.
	 *
	 * @phpstan-param Config  $config
	 * @phpstan-param Strings $strings
	 *
	 * @param mixed                $results Results from the gateway.
	 * @param array<string, mixed> $config  Display settings.
	 * @param array<string, mixed> $strings Texts.
	 * @return list<array<string, mixed>>
	 */
	private static function results( mixed $results, array $config, array $strings ): array {
		$out         = array();
		$types       = $strings['types'];
		$date_format = get_option( 'date_format' );
		$date_format = is_string( $date_format ) && '' !== $date_format ? $date_format : 'F j, Y';
		foreach ( is_array( $results ) ? $results : array() as $result ) {
			if ( ! is_array( $result ) || ! is_int( $result['id'] ?? null ) ) {
				continue;
			}
			$title      = is_string( $result['title'] ?? null ) ? $result['title'] : '';
			$excerpt    = is_string( $result['excerpt'] ?? null ) ? $result['excerpt'] : '';
			$highlights = is_array( $result['highlights'] ?? null ) ? $result['highlights'] : array();
			$date       = is_string( $result['date'] ?? null ) ? $result['date'] : '';
			$time       = '' === $date ? false : strtotime( $date );
			$type       = is_string( $result['type'] ?? null ) ? $result['type'] : '';
			$image      = $config['showImage'] ? Image::from_attachment( (int) get_post_thumbnail_id( $result['id'] ), 'thumbnail' ) : null;

			$excerpt_segments = $config['showExcerpt'] && '' !== $excerpt ? Highlight::segments( $excerpt, is_array( $highlights['excerpt'] ?? null ) ? $highlights['excerpt'] : array() ) : array();
			$date_text        = $config['showDate'] && false !== $time ? (string) wp_date( $date_format, $time ) : '';
			$type_label       = $config['showPostType'] ? ( $types[ $type ] ?? $type ) : '';

			$out[] = array(
				'id'         => $result['id'],
				'url'        => is_string( $result['url'] ?? null ) ? $result['url'] : '',
				'title'      => Highlight::segments( $title, is_array( $highlights['title'] ?? null ) ? $highlights['title'] : array() ),
				'excerpt'    => $excerpt_segments,
				'hasExcerpt' => array() !== $excerpt_segments,
				'date'       => $config['showDate'] ? $date : '',
				'dateText'   => $date_text,
				'type'       => $type_label,
				'noMeta'     => '' === $date_text && '' === $type_label,
				'hasImage'   => null !== $image,
				'images'     => null === $image ? array() : array(
					array(
						'src'    => $image->src,
						'srcset' => $image->srcset,
						'sizes'  => $image->sizes,
						'width'  => $image->width,
						'height' => $image->height,
					),
				),
			);
		}

		return $out;
	}

	/**
	 * The shown facets as groups of options.
	 *
	 * @phpstan-param Config  $config
	 * @phpstan-param Strings $strings
	 *
	 * @param mixed                $facets  Facets from the gateway.
	 * @param array<string, mixed> $config  Display settings.
	 * @param UrlState             $state   What is chosen.
	 * @param array<string, mixed> $strings Texts.
	 * @return list<array<string, mixed>>
	 */
	private static function facet_groups( mixed $facets, array $config, UrlState $state, array $strings ): array {
		$facets  = is_array( $facets ) ? $facets : array();
		$legends = self::legends();
		$types   = $strings['types'];
		$groups  = array();
		foreach ( $config['facets'] as $name ) {
			$options = array();
			if ( 'date' === $name ) {
				$options[] = array(
					'value'   => '',
					'text'    => $strings['anyTime'],
					'checked' => '' === $state->date,
				);
			}
			foreach ( is_array( $facets[ $name ] ?? null ) ? $facets[ $name ] : array() as $bucket ) {
				if ( ! is_array( $bucket ) || ! is_string( $bucket['value'] ?? null ) || ! is_int( $bucket['count'] ?? null ) ) {
					continue;
				}
				$label     = is_string( $bucket['label'] ?? null ) ? $bucket['label'] : $bucket['value'];
				$label     = 'type' === $name ? ( $types[ $bucket['value'] ] ?? $label ) : $label;
				$options[] = array(
					'value'   => $bucket['value'],
					'text'    => sprintf( '%1$s (%2$s)', $label, number_format_i18n( $bucket['count'] ) ),
					'checked' => $state->has( $name, $bucket['value'] ),
				);
			}
			$groups[] = array(
				'name'    => $name,
				'field'   => 'date' === $name ? 'qdate' : ( UrlState::LIST_VARS[ $name ] ?? '' ),
				'kind'    => 'date' === $name ? 'radio' : 'checkbox',
				'legend'  => $legends[ $name ] ?? $name,
				'options' => $options,
				'hidden'  => count( $options ) < ( 'date' === $name ? 2 : 1 ),
			);
		}

		return $groups;
	}

	/**
	 * Page links: numbers with gaps, previous and next.
	 *
	 * @phpstan-param Strings $strings
	 *
	 * @param UrlState              $state   The current page's state.
	 * @param int                   $pages   Number of pages.
	 * @param array<string, string> $hidden  Page variables links carry.
	 * @param array<string, mixed>  $strings Texts.
	 * @return array{paged: bool, pageLinks: list<array<string, mixed>>, prevUrl: string, nextUrl: string}
	 */
	private static function page_links( UrlState $state, int $pages, array $hidden, array $strings ): array {
		$links = array();
		if ( $pages > 1 ) {
			foreach ( ( new Pagination( min( $state->page, $pages ), $pages, array() ) )->numbers() as $number ) {
				$links[] = null === $number
					? array(
						'key'     => 'gap-' . count( $links ),
						'gap'     => true,
						'url'     => '',
						'label'   => '',
						'text'    => '…',
						'current' => false,
					)
					: array(
						'key'     => (string) $number,
						'gap'     => false,
						'url'     => $state->with_page( $number )->url( $hidden ),
						'label'   => sprintf( $strings['pageLabel'], number_format_i18n( $number ) ),
						'text'    => number_format_i18n( $number ),
						'current' => $number === $state->page ? 'page' : false,
					);
			}
		}

		return array(
			'paged'     => $pages > 1,
			'pageLinks' => $links,
			'prevUrl'   => $pages > 1 && $state->page > 1 ? $state->with_page( $state->page - 1 )->url( $hidden ) : '',
			'nextUrl'   => $state->page < $pages ? $state->with_page( $state->page + 1 )->url( $hidden ) : '',
		);
	}

	/**
	 * Each facet's legend.
	 *
	 * @return array<string, string>
	 */
	private static function legends(): array {
		return array(
			'category' => __( 'Category', 'switchboard' ),
			'post_tag' => __( 'Tag', 'switchboard' ),
			'author'   => __( 'Author', 'switchboard' ),
			'type'     => __( 'Content type', 'switchboard' ),
			'date'     => __( 'Date', 'switchboard' ),
		);
	}

	/**
	 * The shown facets from the attribute: known names, each once, in display order.
	 *
	 * @param mixed $value Attribute value.
	 * @return list<string>
	 */
	private static function facets( mixed $value ): array {
		$chosen = is_array( $value ) ? $value : array();

		return array_values( array_filter( self::FACETS, static fn( string $name ): bool => in_array( $name, $chosen, true ) ) );
	}

	/**
	 * The request's page variables that the form and the page links carry along.
	 *
	 * @param array<mixed>  $query     Untrusted query variables.
	 * @param array<string> $kept_vars Names to keep.
	 * @return array<string, string>
	 */
	private static function kept_fields( array $query, array $kept_vars ): array {
		$fields = array();
		foreach ( $kept_vars as $name ) {
			if ( in_array( $name, UrlState::VARS, true ) || 'paged' === $name ) {
				continue;
			}
			$value = $query[ $name ] ?? null;
			if ( is_string( $value ) && '' !== $value ) {
				$fields[ $name ] = sanitize_text_field( $value );
			}
		}

		return $fields;
	}

	/**
	 * A text attribute, or a default when it is empty.
	 *
	 * @param mixed  $value    Attribute value.
	 * @param string $fallback Text to use when the value is empty.
	 * @return string
	 */
	private static function text( mixed $value, string $fallback ): string {
		$text = is_string( $value ) ? trim( $value ) : '';

		return '' === $text ? $fallback : $text;
	}
}

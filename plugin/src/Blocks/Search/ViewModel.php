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
 * Everything render.php prints for switchboard/search, as plain values: the form's texts and settings, the
 * sanitized request, and for a search the page of results with its count and page links.
 *
 * The form submits with GET to the page it is on (`?q=`, and `?qpage=` for later pages), so a search
 * works without JavaScript and a results page can be linked, cached and crawled like any other URL.
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
	public const MAX_TERM_LENGTH = 200;

	/**
	 * Deepest results page served: deep offsets are slow and no visitor pages that far.
	 */
	public const MAX_PAGE = 1000;

	/**
	 * Bounds and default of the `perPage` attribute.
	 */
	public const PER_PAGE_MIN     = 1;
	public const PER_PAGE_MAX     = 20;
	public const PER_PAGE_DEFAULT = 10;

	/**
	 * Holds the values; use from_request() or from_globals().
	 *
	 * @param string                $label          Field label.
	 * @param bool                  $show_label     Whether the label is visible (it is always read by screen readers).
	 * @param string                $placeholder    Placeholder, empty for none.
	 * @param string                $button_text    Text of the submit button.
	 * @param bool                  $show_excerpt   Whether results show their excerpt.
	 * @param bool                  $show_date      Whether results show their date.
	 * @param bool                  $show_post_type Whether results show their content type.
	 * @param bool                  $show_image     Whether results show their featured image.
	 * @param string                $term           Sanitized term; empty when nothing was searched.
	 * @param array<string, string> $hidden_fields  Page variables the form keeps (e.g. `page_id` without pretty permalinks).
	 * @param ResultPage|null       $results        The page of results; null when nothing was searched.
	 * @param Pagination|null       $pagination     Page links; null when there is a single page or none.
	 */
	private function __construct(
		public readonly string $label,
		public readonly bool $show_label,
		public readonly string $placeholder,
		public readonly string $button_text,
		public readonly bool $show_excerpt,
		public readonly bool $show_date,
		public readonly bool $show_post_type,
		public readonly bool $show_image,
		public readonly string $term,
		public readonly array $hidden_fields,
		public readonly ?ResultPage $results,
		public readonly ?Pagination $pagination
	) {}

	/**
	 * Builds the view of the current request with WordPress's own search.
	 *
	 * @param array<string, mixed> $attributes Block attributes, as WordPress passes them to render.php.
	 * @return self
	 */
	public static function from_globals( array $attributes ): self {
		global $wp;

		// phpcs:ignore WordPress.Security.NonceVerification.Recommended -- a public GET search form changes nothing.
		$query = wp_unslash( $_GET );
		$kept  = $wp instanceof \WP ? $wp->public_query_vars : array();

		return self::from_request( $attributes, $query, new NativeSearchSource(), $kept );
	}

	/**
	 * Builds the view of a request.
	 *
	 * @param array<string, mixed> $attributes Block attributes.
	 * @param array<mixed>         $query      The request's query variables, unslashed and untrusted.
	 * @param ResultsSource        $source     Where results come from.
	 * @param array<string>        $kept_vars  Query variables that say which page this is, kept by the form and the links.
	 * @return self
	 */
	public static function from_request( array $attributes, array $query, ResultsSource $source, array $kept_vars = array() ): self {
		$term     = self::sanitize_term( $query[ self::QUERY_VAR ] ?? '' );
		$per_page = self::per_page( $attributes['perPage'] ?? self::PER_PAGE_DEFAULT );
		$hidden   = self::kept_fields( $query, $kept_vars );

		$results    = null;
		$pagination = null;
		if ( '' !== $term ) {
			$page    = self::sanitize_page( $query[ self::PAGE_VAR ] ?? 1 );
			$results = $source->search( $term, $page, $per_page );
			// A page beyond the last (an old link, a shrunken index) shows the last page instead of nothing.
			if ( array() === $results->results && $results->total_pages > 0 && $page > $results->total_pages ) {
				$results = $source->search( $term, $results->total_pages, $per_page );
			}
			if ( $results->total_pages > 1 ) {
				$pagination = new Pagination(
					$results->page,
					$results->total_pages,
					array_merge( $hidden, array( self::QUERY_VAR => $term ) )
				);
			}
		}

		return new self(
			self::text( $attributes['label'] ?? '', __( 'Search', 'switchboard' ) ),
			(bool) ( $attributes['showLabel'] ?? true ),
			self::text( $attributes['placeholder'] ?? '', '' ),
			self::text( $attributes['buttonText'] ?? '', __( 'Search', 'switchboard' ) ),
			(bool) ( $attributes['showExcerpt'] ?? true ),
			(bool) ( $attributes['showDate'] ?? true ),
			(bool) ( $attributes['showPostType'] ?? false ),
			(bool) ( $attributes['showImage'] ?? false ),
			$term,
			$hidden,
			$results,
			$pagination
		);
	}

	/**
	 * A search term from the request: plain text on one line, at most MAX_TERM_LENGTH characters.
	 *
	 * @param mixed $value Untrusted input.
	 * @return string Empty when there is nothing to search for.
	 */
	public static function sanitize_term( mixed $value ): string {
		if ( ! is_string( $value ) ) {
			return '';
		}

		return trim( mb_substr( sanitize_text_field( $value ), 0, self::MAX_TERM_LENGTH ) );
	}

	/**
	 * A results page number from the request, from 1 to MAX_PAGE.
	 *
	 * @param mixed $value Untrusted input.
	 * @return int
	 */
	public static function sanitize_page( mixed $value ): int {
		$page = is_numeric( $value ) ? (int) $value : 1;

		return min( self::MAX_PAGE, max( 1, $page ) );
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
	 * The sentence above the results: how many were found for what.
	 *
	 * @return string Plain text; empty when nothing was searched.
	 */
	public function summary(): string {
		if ( null === $this->results ) {
			return '';
		}
		if ( 0 === $this->results->total ) {
			/* translators: %s: the search term. */
			return sprintf( __( 'No results for “%s”', 'switchboard' ), $this->term );
		}

		return sprintf(
			/* translators: 1: number of results, 2: the search term. */
			_n( '%1$s result for “%2$s”', '%1$s results for “%2$s”', $this->results->total, 'switchboard' ),
			number_format_i18n( $this->results->total ),
			$this->term
		);
	}

	/**
	 * The number the first result on this page has among all results, for `<ol start>`.
	 *
	 * @return int
	 */
	public function first_position(): int {
		if ( null === $this->results ) {
			return 1;
		}

		return ( $this->results->page - 1 ) * $this->results->per_page + 1;
	}

	/**
	 * A result's featured image, when the block shows images.
	 *
	 * @param Result $result A result of this page.
	 * @return Image|null
	 */
	public function image( Result $result ): ?Image {
		return $this->show_image ? Image::from_attachment( $result->thumbnail_id, 'thumbnail' ) : null;
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
			if ( in_array( $name, array( self::QUERY_VAR, self::PAGE_VAR, 'paged' ), true ) ) {
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

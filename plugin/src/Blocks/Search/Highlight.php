<?php
/**
 * Splits text at its highlight ranges.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Blocks\Search;

/**
 * Turns a text and the search service's `[start, end)` ranges (UTF-16 code units, as JavaScript counts)
 * into segments: a plain run followed by at most one marked run. The markup prints each as text (the
 * marked one inside `<mark>`), so nothing the service sends is ever parsed as HTML. The view script's
 * `highlight.ts` splits the same way.
 */
final class Highlight {

	/**
	 * The segments of a text.
	 *
	 * @param string       $text   Plain text.
	 * @param array<mixed> $ranges `[start, end)` pairs; out-of-order, overlapping or out-of-bounds ones are dropped or clamped.
	 * @return list<array{t: string, m: list<string>}> `t` plain text, then `m` empty or the one marked text.
	 */
	public static function segments( string $text, array $ranges ): array {
		$units  = (string) mb_convert_encoding( $text, 'UTF-16LE', 'UTF-8' );
		$length = intdiv( strlen( $units ), 2 );
		$out    = array();
		$cursor = 0;
		foreach ( self::clean( $ranges, $length ) as $range ) {
			$start = self::boundary( $units, max( $range[0], $cursor ) );
			$end   = self::boundary( $units, $range[1] );
			if ( $end <= $start ) {
				continue;
			}
			$out[]  = array(
				't' => self::slice( $units, $cursor, $start ),
				'm' => array( self::slice( $units, $start, $end ) ),
			);
			$cursor = $end;
		}
		if ( $cursor < $length || array() === $out ) {
			$out[] = array(
				't' => self::slice( $units, $cursor, $length ),
				'm' => array(),
			);
		}

		return $out;
	}

	/**
	 * Where the words of a search occur in a text, as the service's ranges: `[start, end)` in UTF-16 code
	 * units, sorted and merged. WordPress's own search (the fallback) matches words anywhere, case-insensitively,
	 * so its results are highlighted the same way.
	 *
	 * @param string $text Plain text.
	 * @param string $term Search terms.
	 * @return list<array{int, int}>
	 */
	public static function ranges( string $text, string $term ): array {
		$words = preg_split( '/[\s"]+/u', $term, -1, PREG_SPLIT_NO_EMPTY );
		$found = array();
		foreach ( false === $words ? array() : $words as $word ) {
			if ( mb_strlen( $word ) < 2 || false === preg_match_all( '/' . preg_quote( $word, '/' ) . '/iu', $text, $matches, PREG_OFFSET_CAPTURE ) ) {
				continue;
			}
			foreach ( $matches[0] as $match ) {
				$start   = self::units( substr( $text, 0, $match[1] ) );
				$found[] = array( $start, $start + self::units( $match[0] ) );
			}
		}
		usort( $found, static fn( array $a, array $b ): int => $a[0] <=> $b[0] );

		$merged = array();
		foreach ( $found as $range ) {
			$last = count( $merged ) - 1;
			if ( $last >= 0 && $range[0] <= $merged[ $last ][1] ) {
				$merged[ $last ][1] = max( $merged[ $last ][1], $range[1] );
			} else {
				$merged[] = $range;
			}
		}

		return $merged;
	}

	/**
	 * Length of a UTF-8 string in UTF-16 code units.
	 *
	 * @param string $text Text.
	 * @return int
	 */
	private static function units( string $text ): int {
		return intdiv( strlen( (string) mb_convert_encoding( $text, 'UTF-16LE', 'UTF-8' ) ), 2 );
	}

	/**
	 * Valid ranges within the text, sorted by start.
	 *
	 * @param array<mixed> $ranges Ranges.
	 * @param int          $length Text length in code units.
	 * @return list<array{int, int}>
	 */
	private static function clean( array $ranges, int $length ): array {
		$out = array();
		foreach ( $ranges as $range ) {
			if ( is_array( $range ) && is_int( $range[0] ?? null ) && is_int( $range[1] ?? null ) ) {
				$start = max( 0, $range[0] );
				$end   = min( $length, $range[1] );
				if ( $end > $start ) {
					$out[] = array( $start, $end );
				}
			}
		}
		usort( $out, static fn( array $a, array $b ): int => $a[0] <=> $b[0] );

		return $out;
	}

	/**
	 * An offset moved back off the second half of a surrogate pair, so a character is never split.
	 *
	 * @param string $units  UTF-16LE bytes.
	 * @param int    $offset Offset in code units.
	 * @return int
	 */
	private static function boundary( string $units, int $offset ): int {
		if ( $offset <= 0 || $offset * 2 >= strlen( $units ) ) {
			return $offset;
		}
		$unit = ord( $units[ $offset * 2 ] ) | ( ord( $units[ $offset * 2 + 1 ] ) << 8 );

		return ( $unit >= 0xDC00 && $unit <= 0xDFFF ) ? $offset - 1 : $offset;
	}

	/**
	 * Code units `[start, end)` as UTF-8.
	 *
	 * @param string $units UTF-16LE bytes.
	 * @param int    $start Start.
	 * @param int    $end   End.
	 * @return string
	 */
	private static function slice( string $units, int $start, int $end ): string {
		return $end > $start ? (string) mb_convert_encoding( substr( $units, $start * 2, ( $end - $start ) * 2 ), 'UTF-8', 'UTF-16LE' ) : '';
	}
}

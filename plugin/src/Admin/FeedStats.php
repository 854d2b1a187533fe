<?php
/**
 * The feed service's statistics, as the settings screen shows them.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Admin;

/**
 * Built from the service's `GET /v1/stats` answer by copying each known field explicitly (nothing else from
 * the service's body reaches the browser). Counts must be non-negative integers; a rate is a number between
 * 0 and 1, or null when there is nothing to divide by; the lift is any number, or null when it cannot be
 * measured. An answer without the counts is refused as a whole (null) rather than shown half-empty.
 *
 * @phpstan-type Mode array{impressions: int, clicks: int, ctr: float|null}
 * @phpstan-type Stats array{catalogue: int, profiles: int, events: int, holdout_share: float|null, modes: array{personalized: Mode, holdout: Mode, cold: Mode}, lift: float|null}
 */
final class FeedStats {

	/**
	 * The modes a feed answer can be in, in the order the screen lists them.
	 */
	public const MODES = array( 'personalized', 'holdout', 'cold' );

	/**
	 * Stores the statistics.
	 *
	 * @param int                                                                  $catalogue     Posts in the catalogue.
	 * @param int                                                                  $profiles      Reader profiles.
	 * @param int                                                                  $events        Stored reader events.
	 * @param float|null                                                           $holdout_share Share of profiles in the holdout.
	 * @param array<string, array{impressions: int, clicks: int, ctr: float|null}> $modes         Per mode.
	 * @param float|null                                                           $lift          Personalized CTR / holdout CTR − 1.
	 */
	private function __construct(
		public readonly int $catalogue,
		public readonly int $profiles,
		public readonly int $events,
		public readonly ?float $holdout_share,
		public readonly array $modes,
		public readonly ?float $lift
	) {
	}

	/**
	 * The statistics in a service's answer, or null when it has the wrong shape.
	 *
	 * @param array<mixed> $answer Decoded JSON.
	 * @return self|null
	 */
	public static function from_answer( array $answer ): ?self {
		$counts = array();
		foreach ( array( 'catalogue', 'profiles', 'events' ) as $key ) {
			$value = $answer[ $key ] ?? null;
			if ( ! is_int( $value ) || $value < 0 ) {
				return null;
			}
			$counts[ $key ] = $value;
		}
		$raw_modes = is_array( $answer['modes'] ?? null ) ? $answer['modes'] : array();
		$modes     = array();
		foreach ( self::MODES as $mode ) {
			$modes[ $mode ] = self::mode( is_array( $raw_modes[ $mode ] ?? null ) ? $raw_modes[ $mode ] : array() );
		}

		return new self(
			$counts['catalogue'],
			$counts['profiles'],
			$counts['events'],
			self::ratio( $answer['holdout_share'] ?? null ),
			$modes,
			self::finite( $answer['lift'] ?? null )
		);
	}

	/**
	 * The statistics as JSON data.
	 *
	 * @phpstan-return Stats
	 * @return array<string, mixed>
	 */
	public function to_array(): array {
		$empty = array(
			'impressions' => 0,
			'clicks'      => 0,
			'ctr'         => null,
		);

		return array(
			'catalogue'     => $this->catalogue,
			'profiles'      => $this->profiles,
			'events'        => $this->events,
			'holdout_share' => $this->holdout_share,
			'modes'         => array(
				'personalized' => $this->modes['personalized'] ?? $empty,
				'holdout'      => $this->modes['holdout'] ?? $empty,
				'cold'         => $this->modes['cold'] ?? $empty,
			),
			'lift'          => $this->lift,
		);
	}

	/**
	 * One mode's counts; the rate is recomputed when the service left it out.
	 *
	 * @param array<mixed> $data The mode's object.
	 * @return array{impressions: int, clicks: int, ctr: float|null}
	 */
	private static function mode( array $data ): array {
		$impressions = is_int( $data['impressions'] ?? null ) ? max( 0, $data['impressions'] ) : 0;
		$clicks      = is_int( $data['clicks'] ?? null ) ? max( 0, $data['clicks'] ) : 0;
		$ctr         = self::ratio( $data['ctr'] ?? null );
		if ( null === $ctr && $impressions > 0 ) {
			$ctr = min( 1.0, $clicks / $impressions );
		}

		return array(
			'impressions' => $impressions,
			'clicks'      => $clicks,
			'ctr'         => $ctr,
		);
	}

	/**
	 * A number between 0 and 1, or null.
	 *
	 * @param mixed $value Value.
	 * @return float|null
	 */
	private static function ratio( mixed $value ): ?float {
		$number = self::finite( $value );

		return null === $number || $number < 0.0 || $number > 1.0 ? null : $number;
	}

	/**
	 * A finite number, or null.
	 *
	 * @param mixed $value Value.
	 * @return float|null
	 */
	private static function finite( mixed $value ): ?float {
		return ( is_int( $value ) || is_float( $value ) ) && is_finite( (float) $value ) ? (float) $value : null;
	}
}

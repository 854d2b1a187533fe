<?php
/**
 * Delivers the outbox's events to their services.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Events;

use Closure;
use Switchboard\Gateway\Cache\CacheKey;
use Switchboard\Gateway\ServiceClient;
use Switchboard\Gateway\ServiceRegistry;
use WP_Error;

/**
 * Takes due rows one at a time (each by an atomic claim, so two runners never send the same row), POSTs each
 * as a signed JSON event to its service's events path through the gateway's ServiceClient, and settles it:
 * delivered on a 2xx JSON answer; otherwise due again after an exponential, jittered backoff
 * (30 s doubling to at most an hour), and dead after `max_attempts` failures (12 by default: about
 * eight hours of outage). Once a service fails in a run, its other rows wait for the next run, and rows that
 * were not sent because the circuit is open are given back without counting an attempt. The events about one
 * post (or author) reach a service in the order they happened: Outbox::due() holds a row back while an older
 * row about the same thing is pending, so a retry is never overtaken by a later change.
 */
final class Dispatcher {

	/**
	 * Path every subscribing service receives events on.
	 */
	public const EVENTS_PATH = '/events';

	/**
	 * Failed attempts after which a row is dead.
	 */
	public const DEFAULT_MAX_ATTEMPTS = 12;

	/**
	 * Delay after the first failure, in seconds.
	 */
	public const BASE_DELAY = 30;

	/**
	 * Longest delay between attempts, in seconds.
	 */
	public const MAX_DELAY = 3600;

	/**
	 * Seconds a claimed row belongs to its runner (longer than any single call may take).
	 */
	public const LEASE_SECONDS = 60;

	/**
	 * Returns the current Unix time in seconds.
	 *
	 * @var Closure(): int
	 */
	private Closure $clock;

	/**
	 * Returns a random jitter between 0 and the given number of seconds.
	 *
	 * @var Closure(int): int
	 */
	private Closure $jitter;

	/**
	 * Whether the last failed send was refused for its content (a 4xx other than auth, timeout or rate limit).
	 *
	 * @var bool
	 */
	private bool $last_refusal_was_about_the_event = false;

	/**
	 * Stores the collaborators.
	 *
	 * @param Outbox                $outbox       The queue.
	 * @param ServiceClient         $client       The gateway's HTTP client.
	 * @param ServiceRegistry       $registry     Where services live.
	 * @param Signature             $signature    Signs each event for its service.
	 * @param int                   $max_attempts Failed attempts before a row is dead.
	 * @param Closure():int|null    $clock        Current Unix time; time() when null.
	 * @param Closure(int):int|null $jitter       Jitter up to a bound; random_int() when null.
	 */
	public function __construct(
		private readonly Outbox $outbox,
		private readonly ServiceClient $client,
		private readonly ServiceRegistry $registry,
		private readonly Signature $signature,
		private readonly int $max_attempts = self::DEFAULT_MAX_ATTEMPTS,
		?Closure $clock = null,
		?Closure $jitter = null
	) {
		$this->clock  = $clock ?? static fn(): int => time();
		$this->jitter = $jitter ?? static fn( int $max ): int => random_int( 0, max( 0, $max ) );
	}

	/**
	 * Delivers due events until none is left, `$limit` were handled or `$budget` seconds have passed.
	 *
	 * @param int   $limit  Most rows to handle.
	 * @param float $budget Seconds to spend, at most (a call under way finishes).
	 * @return array{delivered: int, failed: int, dead: int, released: int}
	 */
	public function run( int $limit = 100, float $budget = 20.0 ): array {
		$stats    = array(
			'delivered' => 0,
			'failed'    => 0,
			'dead'      => 0,
			'released'  => 0,
		);
		$deadline = microtime( true ) + $budget;
		$lease    = bin2hex( random_bytes( 16 ) );
		$failing  = array();
		$handled  = 0;

		while ( $handled < $limit && microtime( true ) < $deadline ) {
			$due = $this->outbox->due( ( $this->clock )(), min( 50, $limit - $handled ), $failing );
			if ( array() === $due ) {
				break;
			}
			foreach ( $due as $id => $service_id ) {
				if ( $handled >= $limit || microtime( true ) >= $deadline ) {
					break 2;
				}
				if ( in_array( $service_id, $failing, true ) ) {
					continue;
				}
				$row = $this->outbox->claim( $id, $lease, ( $this->clock )(), self::LEASE_SECONDS );
				if ( null === $row ) {
					continue;
				}
				++$handled;
				$outcome = $this->send( $row, $lease );
				++$stats[ $outcome ];
				// A refusal of this one event (a 4xx about its content) says nothing about the service: the
				// rest of its rows still go out, and the refused row's own subject waits behind it in due().
				if ( 'delivered' !== $outcome && ! $this->last_refusal_was_about_the_event ) {
					$failing[] = $row['service'];
				}
			}
		}

		if ( $stats['delivered'] > 0 ) {
			// Services answer from what the events changed; cached gateway answers from before would hide a
			// published post (or show a trashed one) for the cache's lifetime. Once per run, not per row.
			CacheKey::invalidate_all();
		}

		return $stats;
	}

	/**
	 * Makes a dead row pending again, due now.
	 *
	 * @param int $id Outbox row id.
	 * @return bool Whether a dead row was revived.
	 */
	public function replay( int $id ): bool {
		return $this->outbox->replay( $id, ( $this->clock )() );
	}

	/**
	 * Seconds to wait after a number of failed attempts: 30 s doubling, plus up to 10% jitter, capped at an hour.
	 *
	 * @param int $attempts Failed attempts so far (1 or more).
	 * @return int
	 */
	public function backoff( int $attempts ): int {
		$delay = (int) min( self::MAX_DELAY, self::BASE_DELAY * ( 2 ** min( 20, max( 0, $attempts - 1 ) ) ) );

		return min( self::MAX_DELAY, $delay + ( $this->jitter )( intdiv( $delay, 10 ) ) );
	}

	/**
	 * The exact JSON body sent for a row.
	 *
	 * @param array{event_id: string, type: string, payload: string} $row Claimed row.
	 * @return array{id: string, type: string, data: mixed}
	 */
	public static function envelope( array $row ): array {
		return array(
			'id'   => $row['event_id'],
			'type' => $row['type'],
			// Decoded as objects: an empty object (a post type without taxonomies has `"terms":{}`) must go
			// out as `{}`, and an associative decode would re-encode it as `[]`.
			'data' => json_decode( $row['payload'] ),
		);
	}

	/**
	 * Sends one claimed row and settles it.
	 *
	 * @param array{id: int, event_id: string, service: string, type: string, payload: string, attempts: int} $row   Claimed row.
	 * @param string                                                                                          $lease Lease token.
	 * @return 'delivered'|'failed'|'dead'|'released'
	 */
	private function send( array $row, string $lease ): string {
		$this->last_refusal_was_about_the_event = false;
		$service                                = $this->registry->get( $row['service'] );
		$envelope                               = self::envelope( $row );
		$body                                   = wp_json_encode( $envelope );

		if ( null === $service || ! $service->subscribes_to_events || false === $body ) {
			$result = new WP_Error( null === $service ? 'switchboard_events_unknown_service' : 'switchboard_events_not_subscribed' );
		} else {
			// ServiceClient encodes the same array with the same function, so the signed bytes are the sent bytes.
			$result = $this->client->request( $service, 'POST', self::EVENTS_PATH, array(), $envelope, $this->signature->headers( $service->id, $row['event_id'], $body ) );
		}

		$now = ( $this->clock )();
		if ( ! $result instanceof WP_Error ) {
			$this->outbox->delivered( $row['id'], $lease, $now );
			return 'delivered';
		}
		if ( 'switchboard_circuit_open' === $result->get_error_code() ) {
			$this->outbox->release( $row['id'], $lease, $now + self::BASE_DELAY );
			return 'released';
		}

		$data                                   = $result->get_error_data();
		$status                                 = is_array( $data ) && is_int( $data['status'] ?? null ) ? $data['status'] : 0;
		$this->last_refusal_was_about_the_event = $status >= 400 && $status < 500 && ! in_array( $status, array( 401, 403, 408, 429 ), true );

		$attempts = $row['attempts'] + 1;
		$dead     = $attempts >= $this->max_attempts;
		$this->outbox->failed( $row['id'], $lease, $attempts, $now + $this->backoff( $attempts ), (string) $result->get_error_code(), $dead );

		return $dead ? 'dead' : 'failed';
	}
}

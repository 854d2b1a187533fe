<?php
/**
 * The durable queue of content events.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Events;

use wpdb;

/**
 * Reads and writes `{prefix}switchboard_outbox`: one row per event and service, `pending` until delivered,
 * `dead` after too many failed attempts (until replayed).
 *
 * Rows with the same non-empty `subject` (a post, an author) reach their service in the order they were
 * written: due() offers a row only when no older row of its subject and service is still pending, so one
 * event waiting for its retry holds back the later events about the same thing, and nothing else. (A dead
 * row stops holding them back; replaying it later delivers it after them.)
 *
 * A runner takes a row by a compare-and-set UPDATE that writes its own lease token and pushes
 * `next_attempt_at` past the lease; only the runner whose UPDATE changed the row sends it, and only the
 * holder of the token may settle it. A runner that dies leaves the row due again when the lease runs out.
 */
final class Outbox {

	/**
	 * Waiting for delivery.
	 */
	public const PENDING = 'pending';

	/**
	 * Accepted by the service.
	 */
	public const DELIVERED = 'delivered';

	/**
	 * Given up on; replay() makes it pending again.
	 */
	public const DEAD = 'dead';

	/**
	 * Longest stored error, in characters.
	 */
	private const ERROR_LENGTH = 120;

	/**
	 * Sets the database.
	 *
	 * @param wpdb|null $wpdb WordPress's database; the global one when null.
	 */
	public function __construct( private readonly ?wpdb $wpdb = null ) {
	}

	/**
	 * Adds a pending event for a service, due at once.
	 *
	 * @param string       $service Service id.
	 * @param string       $type    Event type, e.g. `post.published`.
	 * @param array<mixed> $payload Event data.
	 * @param int          $now     Unix time.
	 * @param string       $subject What the event is about, e.g. `post:12`, for ordering; '' for none.
	 * @return string The new event's id, or '' when it could not be written.
	 */
	public function add( string $service, string $type, array $payload, int $now, string $subject = '' ): string {
		$wpdb = $this->db();
		$json = wp_json_encode( $payload );
		if ( null === $wpdb || false === $json ) {
			return '';
		}

		$event_id = wp_generate_uuid4();
		// phpcs:ignore WordPress.DB.DirectDatabaseQuery.DirectQuery -- the outbox is its own table.
		$inserted = $wpdb->insert(
			Schema::outbox( $wpdb ),
			array(
				'event_id'        => $event_id,
				'service'         => $service,
				'type'            => $type,
				'subject'         => substr( $subject, 0, 64 ),
				'payload'         => $json,
				'status'          => self::PENDING,
				'attempts'        => 0,
				'next_attempt_at' => $now,
				'created_at'      => $now,
			),
			array( '%s', '%s', '%s', '%s', '%s', '%s', '%d', '%d', '%d' )
		);

		return 1 === $inserted ? $event_id : '';
	}

	/**
	 * Rewrites an event that no runner has touched yet (pending, never attempted, not leased).
	 *
	 * @param string       $event_id Event id.
	 * @param string       $service  Service id.
	 * @param string       $type     Event type.
	 * @param array<mixed> $payload  Event data.
	 * @return bool Whether the row was rewritten.
	 */
	public function revise( string $event_id, string $service, string $type, array $payload ): bool {
		$wpdb = $this->db();
		$json = wp_json_encode( $payload );
		if ( null === $wpdb || false === $json ) {
			return false;
		}

		// phpcs:disable WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQLPlaceholders, WordPress.DB.PreparedSQL.NotPrepared -- conditional write on the outbox; WPCS 2.3 predates %i.
		$changed = $wpdb->query( (string) $wpdb->prepare( "UPDATE %i SET type = %s, payload = %s WHERE event_id = %s AND service = %s AND status = %s AND attempts = 0 AND lease = ''", Schema::outbox( $wpdb ), $type, $json, $event_id, $service, self::PENDING ) );
		// phpcs:enable

		return 1 === $changed;
	}

	/**
	 * The row id of an event for a service, or 0.
	 *
	 * @param string $event_id Event id.
	 * @param string $service  Service id.
	 * @return int
	 */
	public function row_id( string $event_id, string $service ): int {
		$wpdb = $this->db();
		if ( null === $wpdb ) {
			return 0;
		}

		// phpcs:disable WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQLPlaceholders, WordPress.DB.PreparedSQL.NotPrepared -- the outbox's own row; WPCS 2.3 predates %i.
		$id = $wpdb->get_var( (string) $wpdb->prepare( 'SELECT id FROM %i WHERE event_id = %s AND service = %s', Schema::outbox( $wpdb ), $event_id, $service ) );
		// phpcs:enable

		return self::int_of( $id );
	}

	/**
	 * Due pending rows, oldest first, as row id => service id, leaving out rows whose subject has an older
	 * pending row for the same service.
	 *
	 * @param int          $now     Unix time.
	 * @param int          $limit   Most rows.
	 * @param list<string> $exclude Services to leave out.
	 * @return array<int, string>
	 */
	public function due( int $now, int $limit, array $exclude = array() ): array {
		$wpdb = $this->db();
		if ( null === $wpdb ) {
			return array();
		}

		$table  = Schema::outbox( $wpdb );
		$sql    = 'SELECT o.id, o.service FROM %i o WHERE o.status = %s AND o.next_attempt_at <= %d';
		$values = array( $table, self::PENDING, $now );
		foreach ( $exclude as $service ) {
			$sql     .= ' AND o.service <> %s';
			$values[] = $service;
		}
		$sql     .= " AND ( o.subject = '' OR NOT EXISTS ( SELECT 1 FROM %i e WHERE e.service = o.service AND e.subject = o.subject AND e.status = %s AND e.id < o.id ) )";
		$values[] = $table;
		$values[] = self::PENDING;
		$values[] = max( 1, $limit );

		// phpcs:disable WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQLPlaceholders, WordPress.DB.PreparedSQL.NotPrepared -- the outbox's own queue; WPCS 2.3 predates %i.
		$rows = $wpdb->get_results( (string) $wpdb->prepare( $sql . ' ORDER BY o.next_attempt_at, o.id LIMIT %d', $values ), 'ARRAY_A' );
		// phpcs:enable

		$due = array();
		foreach ( $rows ?? array() as $row ) {
			$due[ self::int_of( $row['id'] ?? 0 ) ] = self::string_of( $row['service'] ?? '' );
		}

		return $due;
	}

	/**
	 * Takes a due row for one runner.
	 *
	 * @param int    $id            Row id.
	 * @param string $lease         The runner's token.
	 * @param int    $now           Unix time.
	 * @param int    $lease_seconds How long the row is the runner's.
	 * @return array{id: int, event_id: string, service: string, type: string, payload: string, attempts: int}|null The row, or null when another runner took it or it is no longer due.
	 */
	public function claim( int $id, string $lease, int $now, int $lease_seconds ): ?array {
		$wpdb = $this->db();
		if ( null === $wpdb ) {
			return null;
		}
		$table = Schema::outbox( $wpdb );

		// phpcs:disable WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQLPlaceholders, WordPress.DB.PreparedSQL.NotPrepared -- compare-and-set on the outbox; WPCS 2.3 predates %i.
		$taken = $wpdb->query( (string) $wpdb->prepare( 'UPDATE %i SET lease = %s, next_attempt_at = %d WHERE id = %d AND status = %s AND next_attempt_at <= %d', $table, $lease, $now + $lease_seconds, $id, self::PENDING, $now ) );
		if ( 1 !== $taken ) {
			return null;
		}
		$row = $wpdb->get_row( (string) $wpdb->prepare( 'SELECT id, event_id, service, type, payload, attempts FROM %i WHERE id = %d AND lease = %s', $table, $id, $lease ), 'ARRAY_A' );
		// phpcs:enable

		if ( ! is_array( $row ) ) {
			return null;
		}

		return array(
			'id'       => self::int_of( $row['id'] ?? 0 ),
			'event_id' => self::string_of( $row['event_id'] ?? '' ),
			'service'  => self::string_of( $row['service'] ?? '' ),
			'type'     => self::string_of( $row['type'] ?? '' ),
			'payload'  => self::string_of( $row['payload'] ?? '' ),
			'attempts' => self::int_of( $row['attempts'] ?? 0 ),
		);
	}

	/**
	 * Marks a claimed row delivered.
	 *
	 * @param int    $id    Row id.
	 * @param string $lease The claiming runner's token.
	 * @param int    $now   Unix time.
	 * @return bool Whether the runner still held the row.
	 */
	public function delivered( int $id, string $lease, int $now ): bool {
		return $this->settle( $id, $lease, "status = %s, delivered_at = %d, last_error = '', lease = ''", array( self::DELIVERED, $now ) );
	}

	/**
	 * Records a failed attempt on a claimed row: due again later, or dead.
	 *
	 * @param int    $id       Row id.
	 * @param string $lease    The claiming runner's token.
	 * @param int    $attempts Attempts made, this one included.
	 * @param int    $next_at  When to try again (ignored when dead).
	 * @param string $error    Short, stable reason (an error code).
	 * @param bool   $dead     Whether to give up.
	 * @return bool Whether the runner still held the row.
	 */
	public function failed( int $id, string $lease, int $attempts, int $next_at, string $error, bool $dead ): bool {
		return $this->settle(
			$id,
			$lease,
			"status = %s, attempts = %d, next_attempt_at = %d, last_error = %s, lease = ''",
			array( $dead ? self::DEAD : self::PENDING, $attempts, $next_at, substr( sanitize_key( $error ), 0, self::ERROR_LENGTH ) )
		);
	}

	/**
	 * Gives a claimed row back without counting an attempt (nothing was sent).
	 *
	 * @param int    $id      Row id.
	 * @param string $lease   The claiming runner's token.
	 * @param int    $next_at When it is due again.
	 * @return bool Whether the runner still held the row.
	 */
	public function release( int $id, string $lease, int $next_at ): bool {
		return $this->settle( $id, $lease, "next_attempt_at = %d, lease = ''", array( $next_at ) );
	}

	/**
	 * Makes a dead row pending again, due now, with a fresh count of attempts.
	 *
	 * @param int $id  Row id.
	 * @param int $now Unix time.
	 * @return bool Whether a dead row was revived.
	 */
	public function replay( int $id, int $now ): bool {
		$wpdb = $this->db();
		if ( null === $wpdb ) {
			return false;
		}

		// phpcs:disable WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQLPlaceholders, WordPress.DB.PreparedSQL.NotPrepared -- conditional write on the outbox; WPCS 2.3 predates %i.
		$changed = $wpdb->query( (string) $wpdb->prepare( "UPDATE %i SET status = %s, attempts = 0, next_attempt_at = %d, lease = '' WHERE id = %d AND status = %s", Schema::outbox( $wpdb ), self::PENDING, $now, $id, self::DEAD ) );
		// phpcs:enable

		return 1 === $changed;
	}

	/**
	 * One row as stored, for inspection.
	 *
	 * @param int $id Row id.
	 * @return array<mixed>|null
	 */
	public function get( int $id ): ?array {
		$wpdb = $this->db();
		if ( null === $wpdb ) {
			return null;
		}

		// phpcs:disable WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQLPlaceholders, WordPress.DB.PreparedSQL.NotPrepared -- the outbox's own row; WPCS 2.3 predates %i.
		$row = $wpdb->get_row( (string) $wpdb->prepare( 'SELECT * FROM %i WHERE id = %d', Schema::outbox( $wpdb ), $id ), 'ARRAY_A' );
		// phpcs:enable

		return is_array( $row ) ? $row : null;
	}

	/**
	 * Number of rows in each status.
	 *
	 * @return array{pending: int, delivered: int, dead: int}
	 */
	public function counts(): array {
		$counts = array(
			self::PENDING   => 0,
			self::DELIVERED => 0,
			self::DEAD      => 0,
		);
		$wpdb   = $this->db();
		if ( null === $wpdb ) {
			return $counts;
		}

		// phpcs:disable WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQLPlaceholders, WordPress.DB.PreparedSQL.NotPrepared -- a live count of the outbox; WPCS 2.3 predates %i.
		$rows = $wpdb->get_results( (string) $wpdb->prepare( 'SELECT status, COUNT(*) AS n FROM %i GROUP BY status', Schema::outbox( $wpdb ) ), 'ARRAY_A' );
		// phpcs:enable

		foreach ( $rows ?? array() as $row ) {
			$status = self::string_of( $row['status'] ?? '' );
			if ( self::PENDING === $status || self::DELIVERED === $status || self::DEAD === $status ) {
				$counts[ $status ] = self::int_of( $row['n'] ?? 0 );
			}
		}

		return $counts;
	}

	/**
	 * Rows that need an administrator's eye, newest first: dead rows, and pending rows that have failed at
	 * least once (being retried), or only one of the two kinds.
	 *
	 * @param string $kind   'dead', 'retrying' or 'all'.
	 * @param int    $limit  Most rows.
	 * @param int    $offset Rows to skip.
	 * @return list<array{id: int, event_id: string, service: string, type: string, status: string, attempts: int, last_error: string, created_at: int, next_attempt_at: int}>
	 */
	public function failures( string $kind, int $limit, int $offset = 0 ): array {
		$wpdb = $this->db();
		if ( null === $wpdb ) {
			return array();
		}

		$where = self::failures_where( $kind );
		// phpcs:disable WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQLPlaceholders, WordPress.DB.PreparedSQL.NotPrepared -- a live view of the outbox; WPCS 2.3 predates %i.
		$rows = $wpdb->get_results( (string) $wpdb->prepare( 'SELECT id, event_id, service, type, status, attempts, last_error, created_at, next_attempt_at FROM %i WHERE ' . $where['sql'] . ' ORDER BY id DESC LIMIT %d OFFSET %d', array_merge( array( Schema::outbox( $wpdb ) ), $where['values'], array( max( 1, $limit ), max( 0, $offset ) ) ) ), 'ARRAY_A' );
		// phpcs:enable

		$failures = array();
		foreach ( $rows ?? array() as $row ) {
			$failures[] = array(
				'id'              => self::int_of( $row['id'] ?? 0 ),
				'event_id'        => self::string_of( $row['event_id'] ?? '' ),
				'service'         => self::string_of( $row['service'] ?? '' ),
				'type'            => self::string_of( $row['type'] ?? '' ),
				'status'          => self::string_of( $row['status'] ?? '' ),
				'attempts'        => self::int_of( $row['attempts'] ?? 0 ),
				'last_error'      => self::string_of( $row['last_error'] ?? '' ),
				'created_at'      => self::int_of( $row['created_at'] ?? 0 ),
				'next_attempt_at' => self::int_of( $row['next_attempt_at'] ?? 0 ),
			);
		}

		return $failures;
	}

	/**
	 * Number of rows failures() lists for a kind.
	 *
	 * @param string $kind 'dead', 'retrying' or 'all'.
	 * @return int
	 */
	public function count_failures( string $kind ): int {
		$wpdb = $this->db();
		if ( null === $wpdb ) {
			return 0;
		}

		$where = self::failures_where( $kind );
		// phpcs:disable WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQLPlaceholders, WordPress.DB.PreparedSQL.NotPrepared -- a live count of the outbox; WPCS 2.3 predates %i.
		$count = $wpdb->get_var( (string) $wpdb->prepare( 'SELECT COUNT(*) FROM %i WHERE ' . $where['sql'], array_merge( array( Schema::outbox( $wpdb ) ), $where['values'] ) ) );
		// phpcs:enable

		return self::int_of( $count );
	}

	/**
	 * The condition of failures() for a kind.
	 *
	 * @param string $kind 'dead', 'retrying' or anything else for both.
	 * @return array{sql: literal-string, values: list<int|string>}
	 */
	private static function failures_where( string $kind ): array {
		if ( self::DEAD === $kind ) {
			return array(
				'sql'    => 'status = %s',
				'values' => array( self::DEAD ),
			);
		}
		if ( 'retrying' === $kind ) {
			return array(
				'sql'    => 'status = %s AND attempts > 0',
				'values' => array( self::PENDING ),
			);
		}

		return array(
			'sql'    => '(status = %s OR (status = %s AND attempts > 0))',
			'values' => array( self::DEAD, self::PENDING ),
		);
	}

	/**
	 * Applies an update to a row only while the given lease holds it.
	 *
	 * @param int              $id     Row id.
	 * @param string           $lease  Lease token.
	 * @param literal-string   $set    SET clause with placeholders.
	 * @param list<int|string> $values Values of the SET clause.
	 * @return bool Whether the row was updated.
	 */
	private function settle( int $id, string $lease, string $set, array $values ): bool {
		$wpdb = $this->db();
		if ( null === $wpdb || '' === $lease ) {
			return false;
		}

		// phpcs:disable WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQLPlaceholders, WordPress.DB.PreparedSQL.NotPrepared -- conditional write on the outbox; WPCS 2.3 predates %i.
		$changed = $wpdb->query( (string) $wpdb->prepare( 'UPDATE %i SET ' . $set . ' WHERE id = %d AND lease = %s', array_merge( array( Schema::outbox( $wpdb ) ), $values, array( $id, $lease ) ) ) );
		// phpcs:enable

		return 1 === $changed;
	}

	/**
	 * A database value as an integer.
	 *
	 * @param mixed $value Value.
	 * @return int
	 */
	private static function int_of( mixed $value ): int {
		return is_numeric( $value ) ? (int) $value : 0;
	}

	/**
	 * A database value as a string.
	 *
	 * @param mixed $value Value.
	 * @return string
	 */
	private static function string_of( mixed $value ): string {
		return is_scalar( $value ) ? (string) $value : '';
	}

	/**
	 * The database with the outbox table in place, or null when it cannot be created.
	 *
	 * @return wpdb|null
	 */
	private function db(): ?wpdb {
		$wpdb = $this->wpdb ?? ( $GLOBALS['wpdb'] ?? null );

		return $wpdb instanceof wpdb && Schema::ensure( $wpdb ) ? $wpdb : null;
	}
}

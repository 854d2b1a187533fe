<?php
/**
 * WordPress's record of payments.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Payments;

use RuntimeException;
use wpdb;

/**
 * `{prefix}switchboard_payments`: one row per payment, written only from the payment service's signed
 * callbacks (PaymentCallbacks), read by the Payments screen and by site code.
 *
 * A callback carries the whole payment as the service's ledger has it, with the service's `updatedAt`; a row
 * only takes an update at least as new as the one it holds, so callbacks arriving out of order never move a
 * payment backwards. `succeeded_at` is set once, by a conditional UPDATE: whoever sets it (one request, however
 * many deliveries race) is the one that announces the success, so `switchboard_payment_succeeded` fires exactly
 * once per payment. Times are Unix seconds.
 */
final class PaymentStore {
	// phpcs:disable WordPress.DB.DirectDatabaseQuery, WordPress.DB.PreparedSQLPlaceholders, WordPress.DB.PreparedSQL.NotPrepared, WordPress.DB.PreparedSQL.InterpolatedNotPrepared -- the plugin's own table; values are placeholders, and the only interpolations are allow-listed columns and a clause of placeholders; rows change with every callback, so nothing is cached; WPCS 2.3 predates %i.


	/**
	 * Schema version; bump it when the table changes.
	 */
	public const VERSION = '1';

	/**
	 * Option holding the installed schema version.
	 */
	public const VERSION_OPTION = 'switchboard_payments_db_version';

	/**
	 * Every status a payment can have, as the service names them.
	 */
	public const STATUSES = array( 'requires_payment_method', 'requires_confirmation', 'requires_action', 'processing', 'succeeded', 'canceled', 'partially_refunded', 'refunded' );

	/**
	 * Columns a list may be ordered by.
	 */
	private const ORDERABLE = array( 'created_at', 'amount', 'status' );

	/**
	 * Stores the database.
	 *
	 * @param wpdb|null $wpdb WordPress's database; the global one, when it is first needed, if null.
	 */
	public function __construct( private ?wpdb $wpdb = null ) {
	}

	/**
	 * The database.
	 *
	 * @return wpdb
	 * @throws RuntimeException Before WordPress has a database (never, once the plugin is loaded).
	 */
	private function db(): wpdb {
		if ( null === $this->wpdb ) {
			$global = $GLOBALS['wpdb'] ?? null;
			if ( ! $global instanceof wpdb ) {
				throw new RuntimeException( 'WordPress has no database yet.' );
			}
			$this->wpdb = $global;
		}

		return $this->wpdb;
	}

	/**
	 * The table's name.
	 *
	 * @param wpdb $wpdb WordPress's database.
	 * @return string
	 */
	public static function table( wpdb $wpdb ): string {
		return $wpdb->prefix . 'switchboard_payments';
	}

	/**
	 * Creates or upgrades the table when the stored schema version is not the current one.
	 *
	 * @param wpdb $wpdb WordPress's database.
	 * @return bool Whether the table exists.
	 */
	public static function ensure( wpdb $wpdb ): bool {
		if ( self::VERSION === get_option( self::VERSION_OPTION ) ) {
			return true;
		}

		require_once ABSPATH . 'wp-admin/includes/upgrade.php';
		$table   = self::table( $wpdb );
		$collate = $wpdb->get_charset_collate();

		$suppressed = $wpdb->suppress_errors( true );
		dbDelta(
			"CREATE TABLE {$table} (
			id bigint(20) unsigned NOT NULL AUTO_INCREMENT,
			payment_id varchar(64) NOT NULL,
			post_id bigint(20) unsigned NOT NULL DEFAULT 0,
			block_id varchar(64) NOT NULL DEFAULT '',
			amount bigint(20) unsigned NOT NULL DEFAULT 0,
			amount_refunded bigint(20) unsigned NOT NULL DEFAULT 0,
			currency char(3) NOT NULL DEFAULT '',
			status varchar(32) NOT NULL DEFAULT '',
			description varchar(500) NOT NULL DEFAULT '',
			email varchar(254) NOT NULL DEFAULT '',
			payment_intent varchar(255) NOT NULL DEFAULT '',
			livemode tinyint(1) unsigned NOT NULL DEFAULT 0,
			last_error_code varchar(64) NOT NULL DEFAULT '',
			last_error_message varchar(500) NOT NULL DEFAULT '',
			history longtext NOT NULL,
			created_at bigint(20) unsigned NOT NULL DEFAULT 0,
			service_updated_at bigint(20) unsigned NOT NULL DEFAULT 0,
			succeeded_at bigint(20) unsigned DEFAULT NULL,
			PRIMARY KEY  (id),
			UNIQUE KEY payment_id (payment_id),
			KEY status_created (status,created_at),
			KEY post_block (post_id,block_id)
		) {$collate};"
		);
		$exists = $table === $wpdb->get_var( $wpdb->prepare( 'SHOW TABLES LIKE %s', $wpdb->esc_like( $table ) ) );
		$wpdb->suppress_errors( $suppressed );

		if ( $exists ) {
			update_option( self::VERSION_OPTION, self::VERSION, false );
		}

		return $exists;
	}

	/**
	 * Records a payment as a callback describes it.
	 *
	 * @param Payment $payment The payment, as the service's ledger has it.
	 * @param string  $type    Callback type, e.g. `payment.succeeded`, kept in the row's history.
	 * @param int     $now     Current Unix time.
	 * @return array{newly_succeeded: bool, row: PaymentRecord|null}
	 */
	public function record( Payment $payment, string $type, int $now ): array {
		self::ensure( $this->db() );
		$table = self::table( $this->db() );

		// The first callback of a payment creates its row; a racing twin finds it there (and inserts nothing).
		$this->db()->query(
			(string) $this->db()->prepare(
				'INSERT IGNORE INTO %i (payment_id, post_id, block_id, amount, currency, status, description, email, payment_intent, livemode, history, created_at, service_updated_at) VALUES (%s, %d, %s, %d, %s, %s, %s, %s, %s, %d, %s, %d, %d)',
				$table,
				$payment->id,
				$payment->post_id,
				$payment->block_id,
				$payment->amount,
				$payment->currency,
				$payment->status,
				$payment->description,
				$payment->email,
				$payment->payment_intent,
				$payment->livemode ? 1 : 0,
				'[]',
				$payment->created_at,
				0
			)
		);

		// Only as new as or newer than what the row holds: an older callback delivered late changes nothing.
		$this->db()->query(
			(string) $this->db()->prepare(
				"UPDATE %i SET status = %s, amount_refunded = %d, last_error_code = %s, last_error_message = %s, payment_intent = %s, service_updated_at = %d WHERE payment_id = %s AND service_updated_at <= %d AND status NOT IN ('succeeded', 'partially_refunded', 'refunded', 'canceled')",
				$table,
				$payment->status,
				$payment->amount_refunded,
				$payment->error_code,
				$payment->error_message,
				$payment->payment_intent,
				$payment->updated_at,
				$payment->id,
				$payment->updated_at
			)
		);
		// A final payment only moves on through refunds, and a refund total only grows.
		$this->db()->query(
			(string) $this->db()->prepare(
				"UPDATE %i SET status = %s, amount_refunded = %d, service_updated_at = %d WHERE payment_id = %s AND status IN ('succeeded', 'partially_refunded') AND %s IN ('partially_refunded', 'refunded') AND amount_refunded < %d",
				$table,
				$payment->status,
				$payment->amount_refunded,
				$payment->updated_at,
				$payment->id,
				$payment->status,
				$payment->amount_refunded
			)
		);

		$newly_succeeded = false;
		if ( in_array( $payment->status, array( 'succeeded', 'partially_refunded', 'refunded' ), true ) ) {
			$newly_succeeded = 1 === $this->db()->query(
				(string) $this->db()->prepare(
					'UPDATE %i SET succeeded_at = %d WHERE payment_id = %s AND succeeded_at IS NULL',
					$table,
					$now,
					$payment->id
				)
			);
		}

		$this->append_history( $payment->id, $type, $payment->status, $now );

		return array(
			'newly_succeeded' => $newly_succeeded,
			'row'             => $this->get( $payment->id ),
		);
	}

	/**
	 * One payment's row, or null.
	 *
	 * @param string $payment_id Payment id (`pay_...`).
	 * @return PaymentRecord|null
	 */
	public function get( string $payment_id ): ?PaymentRecord {
		if ( ! self::ensure( $this->db() ) ) {
			return null;
		}
		$table = self::table( $this->db() );
		$row   = $this->db()->get_row( $this->db()->prepare( 'SELECT * FROM %i WHERE payment_id = %s', $table, $payment_id ), 'ARRAY_A' );

		return is_array( $row ) ? PaymentRecord::from_row( $row ) : null;
	}

	/**
	 * A page of payments, newest first unless told otherwise.
	 *
	 * @param string|null $status   Only this status; null for all.
	 * @param int         $page     Page, from 1.
	 * @param int         $per_page Rows per page.
	 * @param string      $orderby  `created_at`, `amount` or `status`.
	 * @param string      $order    `asc` or `desc`.
	 * @param string      $search   Text found in the payment id, email or description; '' for none.
	 * @return array{rows: list<PaymentRecord>, total: int}
	 */
	public function page( ?string $status, int $page, int $per_page, string $orderby = 'created_at', string $order = 'desc', string $search = '' ): array {
		if ( ! self::ensure( $this->db() ) ) {
			return array(
				'rows'  => array(),
				'total' => 0,
			);
		}
		$table   = self::table( $this->db() );
		$orderby = in_array( $orderby, self::ORDERABLE, true ) ? $orderby : 'created_at';
		$order   = 'asc' === strtolower( $order ) ? 'ASC' : 'DESC';
		$where   = array( '1 = 1' );
		$values  = array();
		if ( null !== $status && in_array( $status, self::STATUSES, true ) ) {
			$where[]  = 'status = %s';
			$values[] = $status;
		}
		if ( '' !== $search ) {
			$like     = '%' . $this->db()->esc_like( $search ) . '%';
			$where[]  = '(payment_id LIKE %s OR email LIKE %s OR description LIKE %s)';
			$values[] = $like;
			$values[] = $like;
			$values[] = $like;
		}
		$clause = implode( ' AND ', $where );

		$total = (int) $this->db()->get_var( $this->db()->prepare( "SELECT COUNT(*) FROM %i WHERE {$clause}", array_merge( array( $table ), $values ) ) );
		$rows  = $this->db()->get_results(
			$this->db()->prepare(
				"SELECT * FROM %i WHERE {$clause} ORDER BY {$orderby} {$order}, id {$order} LIMIT %d OFFSET %d",
				array_merge( array( $table ), $values, array( $per_page, max( 0, ( $page - 1 ) * $per_page ) ) )
			),
			'ARRAY_A'
		);

		return array(
			'rows'  => array_values( array_map( PaymentRecord::from_row( ... ), array_filter( is_array( $rows ) ? $rows : array(), 'is_array' ) ) ),
			'total' => $total,
		);
	}

	/**
	 * How many payments have each status.
	 *
	 * @return array<string, int>
	 */
	public function counts(): array {
		if ( ! self::ensure( $this->db() ) ) {
			return array();
		}
		$table  = self::table( $this->db() );
		$rows   = $this->db()->get_results( $this->db()->prepare( 'SELECT status, COUNT(*) AS n FROM %i GROUP BY status', $table ), 'ARRAY_A' );
		$counts = array();
		foreach ( is_array( $rows ) ? $rows : array() as $row ) {
			if ( is_string( $row['status'] ?? null ) && is_numeric( $row['n'] ?? null ) ) {
				$counts[ $row['status'] ] = (int) $row['n'];
			}
		}

		return $counts;
	}

	/**
	 * Adds a line to a payment's history (kept to the last 50).
	 *
	 * @param string $payment_id Payment id.
	 * @param string $type       Callback type.
	 * @param string $status     Status it reported.
	 * @param int    $now        Current Unix time.
	 */
	private function append_history( string $payment_id, string $type, string $status, int $now ): void {
		$row     = $this->get( $payment_id );
		$history = null === $row ? array() : $row->history;
		$history = array_slice(
			array_merge(
				$history,
				array(
					array(
						'at'     => $now,
						'type'   => $type,
						'status' => $status,
					),
				)
			),
			-50
		);
		$table   = self::table( $this->db() );
		$this->db()->update( $table, array( 'history' => (string) wp_json_encode( $history ) ), array( 'payment_id' => $payment_id ), array( '%s' ), array( '%s' ) );
	}
}

<?php
/**
 * Router of the fault-injecting upstream: `php -S 127.0.0.1:<port> router.php`.
 *
 * Reads its behaviour from control.json in the folder named by the SWITCHBOARD_FAULT_DIR environment
 * variable, logs every request it receives to requests.log (one JSON line each, under a lock) and answers:
 * after `latency_ms`, with `status`, `content_type`, a `location` header when set, and a body
 * that is `body` exactly, or `body_size` bytes of a JSON string when `body` is null; `drip_ms` sends the
 * body in `chunk_bytes` pieces with that pause between them, and `send_length` false omits Content-Length.
 * Waits end early when a test changes control.json (its `generation` changes), so a stalled answer never
 * blocks the next test.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

$switchboard_dir = (string) getenv( 'SWITCHBOARD_FAULT_DIR' );

/**
 * Reads the current behaviour.
 *
 * @param string $dir Control folder.
 * @return array<mixed>
 */
function switchboard_fault_control( string $dir ): array {
	$json    = @file_get_contents( $dir . '/control.json' ); // phpcs:ignore WordPress.PHP.NoSilencedErrors.Discouraged -- a missing file means defaults.
	$control = is_string( $json ) ? json_decode( $json, true ) : null;

	return is_array( $control ) ? $control : array();
}

/**
 * An integer setting.
 *
 * @param array<mixed> $control Behaviour.
 * @param string       $key     Setting.
 * @param int          $fallback Value when unset.
 * @return int
 */
function switchboard_fault_int( array $control, string $key, int $fallback ): int {
	return is_numeric( $control[ $key ] ?? null ) ? (int) $control[ $key ] : $fallback;
}

/**
 * A string setting.
 *
 * @param array<mixed> $control  Behaviour.
 * @param string       $key      Setting.
 * @param string|null  $fallback Value when unset.
 * @return string|null
 */
function switchboard_fault_string( array $control, string $key, ?string $fallback ): ?string {
	return is_string( $control[ $key ] ?? null ) ? $control[ $key ] : $fallback;
}

/**
 * Sleeps up to a number of milliseconds, stopping early when the behaviour's generation changes.
 *
 * @param string $dir        Control folder.
 * @param int    $ms         Milliseconds.
 * @param mixed  $generation Generation at the start of the request.
 * @return bool Whether the full time passed.
 */
function switchboard_fault_wait( string $dir, int $ms, $generation ): bool {
	$until = microtime( true ) + $ms / 1000;
	while ( microtime( true ) < $until ) {
		usleep( (int) min( 20000, max( 1, ( $until - microtime( true ) ) * 1e6 ) ) );
		clearstatcache();
		if ( ( switchboard_fault_control( $dir )['generation'] ?? null ) !== $generation ) {
			return false;
		}
	}

	return true;
}

$switchboard_control = switchboard_fault_control( $switchboard_dir );
$switchboard_gen     = $switchboard_control['generation'] ?? null;

$switchboard_log = fopen( $switchboard_dir . '/requests.log', 'ab' );
if ( false !== $switchboard_log ) {
	flock( $switchboard_log, LOCK_EX );
	fwrite(
		$switchboard_log,
		json_encode(
			array(
				'method'  => $_SERVER['REQUEST_METHOD'] ?? '',
				'uri'     => $_SERVER['REQUEST_URI'] ?? '',
				'headers' => array_change_key_case( getallheaders(), CASE_LOWER ),
				'body'    => file_get_contents( 'php://input' ),
			)
		) . "\n"
	);
	flock( $switchboard_log, LOCK_UN );
	fclose( $switchboard_log );
}

$switchboard_latency = switchboard_fault_int( $switchboard_control, 'latency_ms', 0 );
if ( $switchboard_latency > 0 && ! switchboard_fault_wait( $switchboard_dir, $switchboard_latency, $switchboard_gen ) ) {
	http_response_code( 503 );
	return true;
}

$switchboard_body = switchboard_fault_string( $switchboard_control, 'body', null );
if ( null === $switchboard_body ) {
	$switchboard_size = switchboard_fault_int( $switchboard_control, 'body_size', 0 );
	$switchboard_body = $switchboard_size < 2 ? '{"ok":true}' : '"' . str_repeat( 'a', $switchboard_size - 2 ) . '"';
}

http_response_code( switchboard_fault_int( $switchboard_control, 'status', 200 ) );
header( 'Content-Type: ' . switchboard_fault_string( $switchboard_control, 'content_type', 'application/json' ) );
$switchboard_location = switchboard_fault_string( $switchboard_control, 'location', null );
if ( null !== $switchboard_location ) {
	header( 'Location: ' . $switchboard_location );
}
if ( $switchboard_control['send_length'] ?? true ) {
	header( 'Content-Length: ' . strlen( $switchboard_body ) );
}

$switchboard_drip  = switchboard_fault_int( $switchboard_control, 'drip_ms', 0 );
$switchboard_chunk = max( 1, switchboard_fault_int( $switchboard_control, 'chunk_bytes', 65536 ) );
foreach ( str_split( $switchboard_body, $switchboard_chunk ) as $switchboard_index => $switchboard_piece ) {
	if ( $switchboard_index > 0 && $switchboard_drip > 0 && ! switchboard_fault_wait( $switchboard_dir, $switchboard_drip, $switchboard_gen ) ) {
		break;
	}
	echo $switchboard_piece; // phpcs:ignore WordPress.Security.EscapeOutput.OutputNotEscaped -- the body is the test's exact bytes.
	flush();
	if ( connection_aborted() ) {
		break;
	}
}

return true;

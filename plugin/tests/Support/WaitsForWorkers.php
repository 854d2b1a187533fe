<?php
/**
 * Reading the results of worker processes in a test.
 *
 * @package Switchboard
 */

declare( strict_types=1 );

namespace Switchboard\Tests\Support;

/**
 * For test cases that start workers with Process::start(): waits for each, asserts it succeeded, and
 * returns the JSON object each printed last.
 */
trait WaitsForWorkers {

	/**
	 * Waits for workers and decodes their results, failing the test for a worker that failed.
	 *
	 * @param list<array{process: resource, stdout: resource, stderr: resource}> $processes Workers.
	 * @param bool                                                               $quiet     Whether a worker must write nothing to standard error.
	 * @return list<array<mixed>>
	 */
	protected function wait_for_workers( array $processes, bool $quiet = true ): array {
		$results = array();
		foreach ( $processes as $running ) {
			$finished = Process::finish( $running );
			$this->assertSame( 0, $finished['exit_code'], $finished['stdout'] . $finished['stderr'] );
			if ( $quiet ) {
				$this->assertSame( '', $finished['stderr'] );
			}
			$result = Process::last_json( $finished['stdout'] );
			$this->assertIsArray( $result, $finished['stdout'] . $finished['stderr'] );
			$results[] = $result;
		}

		return $results;
	}
}

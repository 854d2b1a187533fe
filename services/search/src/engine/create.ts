/**
 * The engine the service runs: one place to choose it, for the service and the benchmark alike.
 */
import { InvertedIndexEngine } from './inverted-index-engine';
import type { SearchEngine } from './types';

/** A new, empty embedded engine. */
export function createEngine(): SearchEngine {
	return new InvertedIndexEngine();
}

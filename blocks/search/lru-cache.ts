/**
 * A small least-recently-used cache: answers the visitor saw a moment ago (backspacing, going back and
 * forth between filters) come back without a request.
 */
export class LruCache< V > {
	private readonly entries = new Map< string, V >();

	/**
	 * @param limit Most entries kept.
	 */
	constructor( private readonly limit: number ) {}

	/**
	 * A kept value, now the most recently used.
	 *
	 * @param key Key.
	 */
	get( key: string ): V | undefined {
		const value = this.entries.get( key );
		if ( value !== undefined ) {
			this.entries.delete( key );
			this.entries.set( key, value );
		}
		return value;
	}

	/**
	 * Keeps a value, dropping the least recently used one when full.
	 *
	 * @param key   Key.
	 * @param value Value.
	 */
	set( key: string, value: V ): void {
		this.entries.delete( key );
		this.entries.set( key, value );
		if ( this.entries.size > this.limit ) {
			this.entries.delete( this.entries.keys().next().value as string );
		}
	}
}

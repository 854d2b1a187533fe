/**
 * Runs the work for one key after the previous work for that key has finished, so a double click's second
 * request sees what the first one recorded. It serializes within this process; across processes the ledger's
 * unique keys and Stripe's idempotency keys keep the outcome single.
 */
export class KeyLock {
	private readonly tails = new Map< string, Promise< unknown > >();

	/**
	 * @param key  What to serialize on.
	 * @param work The work.
	 */
	async run< T >( key: string, work: () => Promise< T > ): Promise< T > {
		const previous = this.tails.get( key ) ?? Promise.resolve();
		const current = previous.then( work, work );
		const tail = current.catch( () => undefined );
		this.tails.set( key, tail );
		try {
			return await current;
		} finally {
			// The last one out leaves no entry behind.
			if ( this.tails.get( key ) === tail ) {
				this.tails.delete( key );
			}
		}
	}
}

/**
 * `on`/`off`/`once` as Stripe's elements have them: handlers per event name, called in order.
 */
export type Handler = ( payload: unknown ) => void;

export class Emitter {
	private readonly handlers = new Map< string, Handler[] >();

	/**
	 * @param event   Event name.
	 * @param handler Called with the event's payload.
	 */
	on( event: string, handler: Handler ): void {
		this.handlers.set( event, [
			...( this.handlers.get( event ) ?? [] ),
			handler,
		] );
	}

	/**
	 * @param event   Event name.
	 * @param handler The handler to remove; all of the event's when omitted.
	 */
	off( event: string, handler?: Handler ): void {
		if ( handler === undefined ) {
			this.handlers.delete( event );
			return;
		}
		this.handlers.set(
			event,
			( this.handlers.get( event ) ?? [] ).filter(
				( known ) => known !== handler
			)
		);
	}

	/**
	 * @param event   Event name.
	 * @param handler Called for the next occurrence only.
	 */
	once( event: string, handler: Handler ): void {
		const wrapped: Handler = ( payload ) => {
			this.off( event, wrapped );
			handler( payload );
		};
		this.on( event, wrapped );
	}

	/**
	 * @param event   Event name.
	 * @param payload What the handlers receive.
	 */
	emit( event: string, payload: unknown ): void {
		for ( const handler of [ ...( this.handlers.get( event ) ?? [] ) ] ) {
			handler( payload );
		}
	}
}

/**
 * How a bench script runs from the command line: its main() under a name, any failure on stderr with exit
 * status 1, so whatever runs it stops at a broken measurement instead of reading a partial report.
 */

/**
 * Runs a benchmark's main function, reporting a failure as `name: message` and exiting 1.
 *
 * @param name      Script name for the error line.
 * @param main      The benchmark.
 * @param withStack Whether the error line carries the stack (false where the message says all).
 */
export function runScript(
	name: string,
	main: () => Promise< void >,
	withStack = true
): void {
	main().catch( ( error: unknown ) => {
		let text = String( error );
		if ( error instanceof Error ) {
			text = withStack ? ( error.stack ?? error.message ) : error.message;
		}
		process.stderr.write( `${ name }: ${ text }\n` );
		process.exit( 1 );
	} );
}

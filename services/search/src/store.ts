/**
 * Keeps the index on disk: a snapshot (written to a temporary file, synced, then renamed over the old one)
 * plus an append-only log of the changes since, synced before an event (or a sync batch) is acknowledged.
 * On start the snapshot is loaded and the log replayed; a torn last line (a crash mid-write) is cut off.
 * Every log entry has a sequence number and the snapshot records the last one it holds, so a crash between
 * writing a snapshot and emptying the log replays nothing twice. Both files are JSON lines read and written
 * in pieces: with post bodies, an index of 100,000 posts is over 500 MB, more than one JavaScript string holds.
 */
import {
	mkdir,
	open,
	readFile,
	rename,
	rm,
	writeFile,
	type FileHandle,
} from 'node:fs/promises';
import { join } from 'node:path';

import type { SearchDocument } from './documents';
import type { SearchEngine } from './engine/types';

/** One change to the index. */
export type Change =
	{ op: 'put'; document: SearchDocument } | { op: 'remove'; id: number };

interface LogEntry {
	seq: number;
	/** The event that made the changes; absent for a sync batch (POST /v1/index/...), which has no id. */
	event?: string;
	/** When it was processed (ms since the epoch). */
	at: number;
	changes: Change[];
}

/** Version 1: one JSON object. Version 2 (written now): this header line, then one document per line. */
interface SnapshotHeader {
	version: 1 | 2;
	seq: number;
	/** Version 1 only. */
	documents?: SearchDocument[];
	/** Processed event ids with the time they were processed, oldest first. */
	processed: [ string, number ][];
}

export interface StoreLogger {
	info: ( object: object, message: string ) => void;
	warn: ( object: object, message: string ) => void;
}

export interface StoreOptions {
	/** Folder of the snapshot and the log; made when missing. */
	directory: string;
	engine: SearchEngine;
	logger: StoreLogger;
	/** Log entries after which a new snapshot is written. Default 1000. */
	snapshotEvery?: number;
	/**
	 * Log size (bytes) after which a new snapshot is written, when the log is also larger than the last
	 * snapshot (so rewriting it costs at most as much as was appended). Default 64 MB.
	 */
	snapshotBytes?: number;
	/** Event ids remembered for idempotency. Default 100,000. */
	rememberIds?: number;
}

const SNAPSHOT = 'snapshot.json';
const LOG = 'events.log';
const LOCK = 'lock';

/** Bytes read or written at a time. */
const CHUNK = 8 * 1024 * 1024;

/**
 * A document as stored by an older version, completed with the fields added since.
 *
 * @param document Stored document.
 */
function upgrade( document: SearchDocument ): SearchDocument {
	if (
		typeof document.body === 'string' &&
		typeof document.fingerprint === 'string'
	) {
		return document;
	}
	return {
		...document,
		body: document.body ?? '',
		fingerprint: document.fingerprint ?? '',
	};
}

/**
 * The lines of a file, each with the byte offset just past its newline. A last piece without a newline is
 * returned only when `unterminated` is true (a version 1 snapshot has none; in the log it is a torn write).
 *
 * @param file         An open file.
 * @param unterminated Whether to return a last piece that has no newline.
 */
async function* lines(
	file: FileHandle,
	unterminated = false
): AsyncGenerator< { line: string; end: number } > {
	const buffer = Buffer.alloc( CHUNK );
	let carry: Buffer = Buffer.alloc( 0 );
	let offset = 0;
	for (;;) {
		const { bytesRead } = await file.read( buffer, 0, CHUNK, offset );
		if ( bytesRead === 0 ) {
			if ( unterminated && carry.length > 0 ) {
				yield { line: carry.toString( 'utf8' ), end: offset };
			}
			return;
		}
		const data = Buffer.concat( [
			carry,
			buffer.subarray( 0, bytesRead ),
		] );
		const base = offset - carry.length;
		offset += bytesRead;
		let from = 0;
		for (
			let newline = data.indexOf( 10, from );
			newline !== -1;
			newline = data.indexOf( 10, from )
		) {
			yield {
				line: data.toString( 'utf8', from, newline ),
				end: base + newline + 1,
			};
			from = newline + 1;
		}
		carry = Buffer.from( data.subarray( from ) );
	}
}

/**
 * Whether a process is running.
 *
 * @param pid Process id.
 */
function alive( pid: number ): boolean {
	try {
		process.kill( pid, 0 );
		return true;
	} catch ( error ) {
		return ( error as NodeJS.ErrnoException ).code === 'EPERM';
	}
}

/**
 * Takes the data folder for this process: two writers would each truncate the other's log.
 *
 * @param directory Data folder.
 */
async function lock( directory: string ): Promise< void > {
	const path = join( directory, LOCK );
	try {
		await writeFile( path, String( process.pid ), { flag: 'wx' } );
		return;
	} catch ( error ) {
		if ( ( error as NodeJS.ErrnoException ).code !== 'EEXIST' ) {
			throw error;
		}
	}
	const holder = Number( await readFile( path, 'utf8' ).catch( () => '' ) );
	if ( Number.isInteger( holder ) && holder > 0 && alive( holder ) ) {
		throw new Error(
			`The index in ${ directory } is in use by process ${ holder }.`
		);
	}
	// Left by a process that is gone.
	await writeFile( path, String( process.pid ) );
}

/**
 * Writes a file so that a reader sees the old or the new content, never a part.
 *
 * @param directory Folder of the file.
 * @param name      File name.
 * @param content   New content.
 */
async function writeAtomically(
	directory: string,
	name: string,
	content: Iterable< string >
): Promise< number > {
	const temporary = join( directory, `${ name }.tmp` );
	const file = await open( temporary, 'w' );
	let size = 0;
	try {
		let pending: string[] = [];
		let pendingLength = 0;
		const flush = async () => {
			const bytes = Buffer.from( pending.join( '' ) );
			pending = [];
			pendingLength = 0;
			size += bytes.length;
			await file.write( bytes );
		};
		for ( const piece of content ) {
			pending.push( piece );
			pendingLength += piece.length;
			if ( pendingLength >= CHUNK ) {
				await flush();
			}
		}
		await flush();
		await file.sync();
	} finally {
		await file.close();
	}
	await rename( temporary, join( directory, name ) );
	const folder = await open( directory, 'r' );
	try {
		await folder.sync();
	} finally {
		await folder.close();
	}
	return size;
}

export class IndexStore {
	private seq = 0;

	private snapshotSeq = 0;

	private log: FileHandle | null = null;

	/** Bytes in the log, and in the last snapshot written or read. */
	private logSize = 0;

	private snapshotSize = 0;

	private readonly processed = new Map< string, number >();

	/** Serializes writes, so the log's order is the order changes are applied in. */
	private queue: Promise< unknown > = Promise.resolve();

	private closed = false;

	private constructor( private readonly options: StoreOptions ) {}

	/**
	 * Loads the snapshot and replays the log into the engine.
	 *
	 * @param options Where and what.
	 */
	static async open( options: StoreOptions ): Promise< IndexStore > {
		const store = new IndexStore( options );
		await store.load();
		return store;
	}

	/** Documents in the index. */
	get size(): number {
		return this.options.engine.size;
	}

	/**
	 * Whether an event id was processed already.
	 *
	 * @param eventId Event id.
	 */
	hasProcessed( eventId: string ): boolean {
		return this.processed.has( eventId );
	}

	/**
	 * Applies an event's changes once: logs them durably, then changes the index. Resolves to false, changing
	 * nothing, when the event was processed before. `plan` runs inside the write queue, so it sees the index
	 * as every earlier event left it.
	 *
	 * @param eventId Event id.
	 * @param plan    Computes the changes from the current index.
	 */
	apply(
		eventId: string,
		plan: ( engine: SearchEngine ) => Change[]
	): Promise< boolean > {
		return this.enqueue( async () => {
			if ( this.processed.has( eventId ) ) {
				return false;
			}
			await this.write( eventId, plan( this.options.engine ) );
			return true;
		} );
	}

	/**
	 * Applies changes that carry no event id (a sync batch): logs them durably, then changes the index.
	 * `plan` runs inside the write queue and may return a summary with its changes.
	 *
	 * @param plan Computes the changes (and a result) from the current index.
	 */
	commit< T >(
		plan: ( engine: SearchEngine ) => { changes: Change[]; result: T }
	): Promise< T > {
		return this.enqueue( async () => {
			const { changes, result } = plan( this.options.engine );
			if ( changes.length > 0 ) {
				await this.write( undefined, changes );
			}
			return result;
		} );
	}

	private enqueue< T >( run: () => Promise< T > ): Promise< T > {
		const guarded = async () => {
			if ( this.closed || this.log === null ) {
				throw new Error( 'The index store is closed.' );
			}
			return run();
		};
		const result = this.queue.then( guarded, guarded );
		this.queue = result.catch( () => undefined );
		return result;
	}

	private async write(
		eventId: string | undefined,
		changes: Change[]
	): Promise< void > {
		const log = this.log as FileHandle;
		const entry: LogEntry = {
			seq: this.seq + 1,
			...( eventId === undefined ? {} : { event: eventId } ),
			at: Date.now(),
			changes,
		};
		const line = Buffer.from( JSON.stringify( entry ) + '\n' );
		await log.appendFile( line );
		await log.datasync();
		this.logSize += line.length;
		this.replay( entry );
		if (
			this.seq - this.snapshotSeq >=
				( this.options.snapshotEvery ?? 1000 ) ||
			this.logSize >=
				Math.max(
					this.options.snapshotBytes ?? 64 * 1024 * 1024,
					this.snapshotSize
				)
		) {
			await this.writeSnapshot();
		}
	}

	/** Writes a snapshot and closes the log; later applies fail. */
	async close(): Promise< void > {
		const finish = async () => {
			if ( this.closed ) {
				return;
			}
			if ( this.seq > this.snapshotSeq ) {
				await this.writeSnapshot();
			}
			this.closed = true;
			await this.log?.close();
			this.log = null;
			await rm( join( this.options.directory, LOCK ), { force: true } );
		};
		const result = this.queue.then( finish, finish );
		this.queue = result.catch( () => undefined );
		return result;
	}

	private async load(): Promise< void > {
		const { directory, engine, logger } = this.options;
		await mkdir( directory, { recursive: true } );
		await lock( directory );

		const snapshot = await open( join( directory, SNAPSHOT ), 'r' ).catch(
			( error: NodeJS.ErrnoException ) => {
				if ( error.code === 'ENOENT' ) {
					return null;
				}
				throw error;
			}
		);
		if ( snapshot !== null ) {
			try {
				let header: SnapshotHeader | null = null;
				for await ( const { line, end } of lines( snapshot, true ) ) {
					if ( header !== null ) {
						engine.upsert( upgrade( JSON.parse( line ) ) );
						continue;
					}
					header = JSON.parse( line ) as SnapshotHeader;
					if ( header.version !== 1 && header.version !== 2 ) {
						throw new Error(
							`Unknown snapshot version ${ String( header.version ) }.`
						);
					}
					for ( const document of header.documents ?? [] ) {
						engine.upsert( upgrade( document ) );
					}
					for ( const [ id, at ] of header.processed ) {
						this.processed.set( id, at );
					}
					this.seq = this.snapshotSeq = header.seq;
					this.snapshotSize = end;
				}
				this.snapshotSize = ( await snapshot.stat() ).size;
			} finally {
				await snapshot.close();
			}
		}

		this.log = await open( join( directory, LOG ), 'a+' );
		let good = 0;
		let replayed = 0;
		for await ( const { line, end } of lines( this.log ) ) {
			let entry: LogEntry;
			try {
				entry = JSON.parse( line ) as LogEntry;
			} catch {
				break;
			}
			if ( entry.seq > this.seq ) {
				this.replay( entry );
				replayed++;
			}
			good = end;
		}
		const size = ( await this.log.stat() ).size;
		if ( good < size ) {
			// A write that did not finish (or garbage after one): everything from there is dropped.
			logger.warn(
				{ droppedBytes: size - good },
				'The index log ends with an incomplete entry; it was dropped.'
			);
			await this.log.truncate( good );
		}
		this.logSize = good;
		logger.info(
			{ documents: engine.size, replayed, seq: this.seq },
			'Index loaded.'
		);
	}

	private replay( entry: LogEntry ): void {
		for ( const change of entry.changes ) {
			if ( change.op === 'put' ) {
				this.options.engine.upsert( upgrade( change.document ) );
			} else {
				this.options.engine.remove( change.id );
			}
		}
		if ( entry.event !== undefined ) {
			this.processed.set( entry.event, entry.at );
		}
		const limit = this.options.rememberIds ?? 100_000;
		for ( const id of this.processed.keys() ) {
			if ( this.processed.size <= limit ) {
				break;
			}
			this.processed.delete( id );
		}
		this.seq = entry.seq;
	}

	private async writeSnapshot(): Promise< void > {
		const header: SnapshotHeader = {
			version: 2,
			seq: this.seq,
			processed: [ ...this.processed ],
		};
		const engine = this.options.engine;
		function* content(): Generator< string > {
			yield JSON.stringify( header ) + '\n';
			for ( const document of engine.documents() ) {
				yield JSON.stringify( document ) + '\n';
			}
		}
		this.snapshotSize = await writeAtomically(
			this.options.directory,
			SNAPSHOT,
			content()
		);
		await this.log?.truncate( 0 );
		this.logSize = 0;
		this.snapshotSeq = header.seq;
	}
}

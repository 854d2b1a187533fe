/**
 * Which content event is which, and whether its data has the C1 shape: the same switch in every content
 * service. What an event changes is the service's own (its planners); this only routes and validates.
 */
import type { Static, TSchema } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';

import {
	AuthorUpdatedData,
	notPublishableMessage,
	PostTombstoneData,
	PublishedPostData,
	TermUpdatedData,
} from './content-data';

/** What the `/events` route does with an event: apply the service's plan, ignore it, or refuse it (400). */
export type ContentEventPlan< P > =
	| { kind: 'apply'; plan: P }
	| { kind: 'ignore' }
	| {
			kind: 'invalid';
			code: 'invalid_event' | 'not_publishable';
			message: string;
	  };

/** The service's answer to each kind of event, given data already checked against its schema. */
export interface ContentEventPlanners< P > {
	/** post.published and post.updated. */
	published: ( data: PublishedPostData ) => ContentEventPlan< P >;
	/** post.unpublished and post.deleted. */
	tombstone: ( data: PostTombstoneData ) => ContentEventPlan< P >;
	/** author.updated. */
	author: ( data: AuthorUpdatedData ) => ContentEventPlan< P >;
	/** term.updated and term.deleted (`deleted` tells which). */
	term: ( data: TermUpdatedData, deleted: boolean ) => ContentEventPlan< P >;
}

/**
 * The refusal of an event whose data does not have the shape of its type.
 *
 * @param type Event type.
 */
export function invalidEventData< P >( type: string ): ContentEventPlan< P > {
	return {
		kind: 'invalid',
		code: 'invalid_event',
		message: `The ${ type } data does not have the expected shape.`,
	};
}

/**
 * The plan of a publishable post, or its refusal (400 `not_publishable`) when the service's record is null.
 *
 * @param record The service's record of the post, null when it is not publishable.
 * @param kept   What the service does with publishable posts (`indexed`, `listed`), for the message.
 * @param plan   The plan that keeps the record.
 */
export function planPublished< R, P >(
	record: R | null,
	kept: string,
	plan: ( record: R ) => P
): ContentEventPlan< P > {
	return record === null
		? {
				kind: 'invalid',
				code: 'not_publishable',
				message: notPublishableMessage( kept ),
			}
		: { kind: 'apply', plan: plan( record ) };
}

/**
 * @param type     Event type, e.g. `post.published`.
 * @param data     Event data, not yet checked.
 * @param planners What the service does with each kind of event.
 */
export function planContentEvent< P >(
	type: string,
	data: unknown,
	planners: ContentEventPlanners< P >
): ContentEventPlan< P > {
	// The planner, given data of the schema's shape; a refusal otherwise.
	const when = < S extends TSchema >(
		schema: S,
		planner: ( checked: Static< S > ) => ContentEventPlan< P >
	) =>
		Value.Check( schema, data )
			? planner( data )
			: invalidEventData< P >( type );
	switch ( type ) {
		case 'post.published':
		case 'post.updated':
			return when( PublishedPostData, planners.published );
		case 'post.unpublished':
		case 'post.deleted':
			return when( PostTombstoneData, planners.tombstone );
		case 'author.updated':
			return when( AuthorUpdatedData, planners.author );
		case 'term.updated':
		case 'term.deleted':
			return when( TermUpdatedData, ( term ) =>
				planners.term( term, type === 'term.deleted' )
			);
		default:
			// Types a service does not know are acknowledged, so the outbox does not retry them forever.
			return { kind: 'ignore' };
	}
}

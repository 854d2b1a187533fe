/**
 * `@switchboard/service-kit/content`: what the services that keep a copy of the site's posts (search, feed)
 * share: the C1 event data, the signed `/events` route, the C2 `/v1/index/*` sync routes and their server
 * set-up. A subpath of its own so that other services (payments) do not load TypeBox for nothing.
 */
export {
	AuthorUpdatedData,
	normalizeDate,
	notPublishableMessage,
	PostTombstoneData,
	PublishedPostData,
	publishedDates,
	TermUpdatedData,
} from './content-data';
export {
	invalidEventData,
	planContentEvent,
	planPublished,
	type ContentEventPlan,
	type ContentEventPlanners,
} from './content-event-plan';
export {
	contentEventRoutes,
	type ContentEventHandlers,
	type ContentEventsOptions,
} from './content-events-route';
// The shared HTTP contract: every schema of it.
export * from './content-schemas';
export {
	contentServiceConfigFrom,
	type ContentServiceConfig,
	type ContentServiceNames,
} from './content-config';
export {
	CONTENT_PUBLIC_ROUTES,
	createContentServer,
	startContentServer,
	type ContentServerOptions,
	type ContentServerSettings,
	type ContentServiceOverrides,
	type StartContentServerOptions,
	type StartedContentService,
} from './content-server';
export { indexSyncRoutes, type IndexSyncOptions } from './index-sync-routes';

/**
 * Constants that esbuild replaces when the browser bundles are built (see ../bundle.ts): the stand-in's
 * public base URL, so the scripts reach the server that served them whatever origin they were loaded from
 * (Playwright serves the stand-in Stripe.js as https://js.stripe.com/... in e2e tests).
 */
declare const __STANDIN_API_BASE__: string;

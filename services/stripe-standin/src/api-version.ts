/**
 * The API version this stand-in speaks: the one stripe-node 23.1.0 pins
 * (node_modules/stripe/cjs/apiVersion.js). Answers echo the request's Stripe-Version instead when given.
 */
export const ApiVersion = '2026-10-28.endive';

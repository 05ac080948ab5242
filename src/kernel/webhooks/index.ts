export { MAX_ATTEMPTS, RETRY_DELAYS_MS, retryDelayMs } from './retry-schedule.js';
export { postSignedWebhook } from './signed-post.js';
export { postWebhook } from './webhook-post.js';
export { signWebhook, verifyWebhookSignature } from './webhook-signature.js';
export { type OutboxEvent, emitEvent, emitEvents } from './emit-event.js';
export { describeError } from './event-delivery.js';

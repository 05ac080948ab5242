/**
 * What other modules may use of the privacy module on the server: nothing yet. The breach register
 * stands on its own; the record of processing and erasure across modules will be offered here.
 */
export {};

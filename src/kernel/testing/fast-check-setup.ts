import fc from 'fast-check';

// Property tests explore random inputs; CI pins the seed (FC_SEED) so that a run is reproducible.
if (process.env.FC_SEED) fc.configureGlobal({ seed: Number(process.env.FC_SEED) });

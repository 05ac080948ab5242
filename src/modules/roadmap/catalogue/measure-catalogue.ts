import data from './2026.1.json' with { type: 'json' };
import { parseMeasureCatalogue } from './parse-measure-catalogue.js';

/** The current measure catalogue (version 2026.1), validated on load. */
export const measureCatalogue = parseMeasureCatalogue(data);

import { readFileSync } from 'node:fs';
import { addServerMessages } from '../i18n/server-messages.js';

const load = (locale: 'de' | 'en') => JSON.parse(readFileSync(new URL(`./server-i18n/${locale}.json`, import.meta.url), 'utf8'));

addServerMessages('de', load('de'));
addServerMessages('en', load('en'));

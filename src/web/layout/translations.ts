import { addModuleTranslations } from '../i18n/i18n';
import de from './i18n/de.json';
import en from './i18n/en.json';

// the header's search and notification centre: keys under `header.`
addModuleTranslations('header', { de, en });

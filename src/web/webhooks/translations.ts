import { addModuleTranslations } from '../i18n/i18n';
import de from './i18n/de.json';
import en from './i18n/en.json';

// the company's webhooks page: keys under `webhooksPage.`
addModuleTranslations('webhooksPage', { de, en });

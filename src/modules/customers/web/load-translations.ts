import { addModuleTranslations } from '../../../web/i18n/i18n';
import de from '../i18n/de.json';
import en from '../i18n/en.json';

addModuleTranslations('customers', { de: de.customers, en: en.customers });
import './sales/load-sales-translations';
import './record/load-record-translations';

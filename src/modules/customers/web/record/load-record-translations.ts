import { addModuleTranslations } from '../../../../web/i18n/i18n';
import de from '../../i18n/de.json';
import en from '../../i18n/en.json';

addModuleTranslations('customersRecord', { de: de.customersRecord, en: en.customersRecord });

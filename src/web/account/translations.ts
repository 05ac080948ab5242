import i18next from 'i18next';
import { addModuleTranslations } from '../i18n/i18n';
import de from './i18n/de.json';
import en from './i18n/en.json';

// account pages, the sign-in's second step and the company's two-factor setting: keys under
// `account.`; the names of their form fields join the shared `fields.` for error messages
const { fields: fieldsDe, ...accountDe } = de;
const { fields: fieldsEn, ...accountEn } = en;
addModuleTranslations('account', { de: accountDe, en: accountEn });
i18next.addResourceBundle('de', 'translation', { fields: fieldsDe }, true, false);
i18next.addResourceBundle('en', 'translation', { fields: fieldsEn }, true, false);

import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import de from './de.json';
import en from './en.json';

export type Lang = 'de' | 'en';
const STORAGE_KEY = 'werkverbund.lang';

export function initialLanguage(): Lang {
  const stored = typeof localStorage !== 'undefined' ? localStorage.getItem(STORAGE_KEY) : null;
  return stored === 'en' ? 'en' : 'de';
}

void i18next.use(initReactI18next).init({
  resources: { de: { translation: de }, en: { translation: en } },
  lng: initialLanguage(),
  fallbackLng: 'de',
  interpolation: { escapeValue: false },
});

/** Switches the UI language and remembers it on this device; the html lang follows. */
export async function setLanguage(lang: Lang) {
  localStorage.setItem(STORAGE_KEY, lang);
  document.documentElement.lang = lang;
  await i18next.changeLanguage(lang);
}

/** Modules bring their own translations under their id. */
export function addModuleTranslations(moduleId: string, resources: { de: object; en: object }) {
  i18next.addResourceBundle('de', 'translation', { [moduleId]: resources.de }, true, true);
  i18next.addResourceBundle('en', 'translation', { [moduleId]: resources.en }, true, true);
}

export default i18next;

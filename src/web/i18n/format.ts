import { useTranslation } from 'react-i18next';

/** German (de-DE) or English (en-GB) formats for numbers, money and dates. */
export function useFormat() {
  const { i18n } = useTranslation();
  const locale = i18n.language === 'en' ? 'en-GB' : 'de-DE';
  return {
    locale,
    number: (n: number, digits = 0) => new Intl.NumberFormat(locale, { maximumFractionDigits: digits, minimumFractionDigits: digits }).format(n),
    percent: (fraction: number, digits = 0) => new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: digits, minimumFractionDigits: digits }).format(fraction),
    money: (cents: number, currency = 'EUR') => new Intl.NumberFormat(locale, { style: 'currency', currency }).format(cents / 100),
    date: (d: string | Date) => new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(new Date(d)),
    dateTime: (d: string | Date) => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(d)),
    localized: (text: { de: string; en: string }) => (i18n.language === 'en' ? text.en : text.de),
  };
}

import { useFormat } from '../../i18n/format';
import type { DashboardFigure } from '../../api/dashboard';

/** A tile figure in the reader's language; null when there is no value yet. */
export function useFigureText() {
  const { locale, number, percent, money, date, dateTime } = useFormat();
  return (f: DashboardFigure): string | null => {
    const v = f.value;
    if (v === null || v === undefined) return null;
    switch (f.format) {
      case 'percent':
        return percent(Number(v), f.digits ?? 0);
      case 'signed':
        return new Intl.NumberFormat(locale, { signDisplay: 'exceptZero', maximumFractionDigits: f.digits ?? 0 }).format(Number(v));
      case 'money':
        return money(Number(v));
      case 'date':
        return date(String(v));
      case 'dateTime':
        return dateTime(String(v));
      default:
        return number(Number(v), f.digits ?? 0);
    }
  };
}

export { type CalendarEvent, type CalendarRead, type CalendarValue, readCalendar } from './calendar.js';

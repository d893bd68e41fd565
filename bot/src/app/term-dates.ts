import type { SchoolCalendar } from '../domain/calendar/school-calendar';

/**
 * The school's term dates, as data: weekends, the holidays between terms and the closures listed
 * here are not working days. These are the common dates for English local-authority schools;
 * a school edits them to its own (INSET days included) each year.
 */
export const TERM_DATES: SchoolCalendar = {
  terms: [
    { name: 'Autumn 2025', start: '2025-09-03', end: '2025-12-19' },
    { name: 'Spring 2026', start: '2026-01-05', end: '2026-03-27' },
    { name: 'Summer 2026', start: '2026-04-13', end: '2026-07-22' },
    { name: 'Autumn 2026', start: '2026-09-02', end: '2026-12-18' },
    { name: 'Spring 2027', start: '2027-01-04', end: '2027-03-25' },
    { name: 'Summer 2027', start: '2027-04-12', end: '2027-07-21' },
  ],
  closures: [
    { name: 'Half term', start: '2025-10-27', end: '2025-10-31' },
    { name: 'Half term', start: '2026-02-16', end: '2026-02-20' },
    { name: 'Early May bank holiday', start: '2026-05-04', end: '2026-05-04' },
    { name: 'Half term', start: '2026-05-25', end: '2026-05-29' },
    { name: 'Half term', start: '2026-10-26', end: '2026-10-30' },
    { name: 'Half term', start: '2027-02-15', end: '2027-02-19' },
    { name: 'Early May bank holiday', start: '2027-05-03', end: '2027-05-03' },
    { name: 'Half term', start: '2027-05-31', end: '2027-06-04' },
  ],
};

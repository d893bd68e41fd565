import type { IsoDate } from './dates';

/** The school's clock: reminders go out at a local time, summer and winter alike. */
export const SCHOOL_TIME_ZONE = 'Europe/London';

const formatters = new Map<string, Intl.DateTimeFormat>();

function partsIn(instant: number, timeZone: string): Record<string, number> {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, format);
  }
  const parts: Record<string, number> = {};
  for (const part of format.formatToParts(new Date(instant))) if (part.type !== 'literal') parts[part.type] = Number(part.value);
  return parts;
}

/** How far the zone's clocks are ahead of UTC at that instant (0 in winter, one hour in British Summer Time). */
function offsetAt(instant: number, timeZone: string): number {
  const p = partsIn(instant, timeZone);
  return Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!) - Math.floor(instant / 1000) * 1000;
}

/** The calendar date in the zone at that instant. */
export function localDate(instant: Date, timeZone = SCHOOL_TIME_ZONE): IsoDate {
  const p = partsIn(instant.getTime(), timeZone);
  return `${p.year}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
}

/**
 * Today's date at the school, whatever the server's zone: between midnight and 1 am in summer the
 * UTC date is still yesterday's. Every "today" a person would recognise comes from here.
 */
export function today(clock: { now(): Date }): IsoDate {
  return localDate(clock.now());
}

/** `HH:MM` in the zone at that instant. */
export function localTime(instant: Date, timeZone = SCHOOL_TIME_ZONE): string {
  const p = partsIn(instant.getTime(), timeZone);
  return `${String(p.hour).padStart(2, '0')}:${String(p.minute).padStart(2, '0')}`;
}

/**
 * The instant the zone's clocks show `time` on `date`. A time the clocks skip (spring forward)
 * comes out as the same time after the jump; a time shown twice (autumn) as its later showing.
 */
export function zonedInstant(date: IsoDate, time: string, timeZone = SCHOOL_TIME_ZONE): Date {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const [hour, minute] = time.split(':').map(Number) as [number, number];
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  // The offset at a first guess, then the offset in force at the instant that guess gives.
  const guess = wall - offsetAt(wall, timeZone);
  return new Date(wall - offsetAt(guess, timeZone));
}

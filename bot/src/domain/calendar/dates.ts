/** Calendar dates as `YYYY-MM-DD` strings: whole days, no time zone, so no daylight-saving surprises. */
export type IsoDate = string;

const DAY_MS = 86_400_000;

function toUtc(date: IsoDate): number {
  const [year, month, day] = date.slice(0, 10).split('-').map(Number) as [number, number, number];
  return Date.UTC(year, month - 1, day);
}

/**
 * The calendar date of a UTC instant: only for dates built as UTC midnights (day arithmetic, Graph's date-only values), never for "today"
 * (see zoned-time.ts).
 */
export function utcDateOf(ms: number): IsoDate {
  // eslint-disable-next-line no-restricted-syntax -- the one place a UTC midnight becomes a date
  return new Date(ms).toISOString().slice(0, 10);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return utcDateOf(toUtc(date) + days * DAY_MS);
}

/**
 * Whole calendar months later. A day the target month lacks falls back to its last day, so a
 * year after 29 February 2024 is 28 February 2025 (never 1 March).
 */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const [year, month, day] = date.slice(0, 10).split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return utcDateOf(target.getTime());
}

/** Days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((toUtc(to) - toUtc(from)) / DAY_MS);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(date: IsoDate): number {
  return new Date(toUtc(date)).getUTCDay();
}

/** The ISO week (`2026-W48`): the period of a weekly reminder. */
export function isoWeek(date: IsoDate): string {
  const ms = toUtc(date);
  const day = (new Date(ms).getUTCDay() + 6) % 7;
  const thursday = new Date(ms + (3 - day) * DAY_MS);
  const yearStart = Date.UTC(thursday.getUTCFullYear(), 0, 1);
  const week = 1 + Math.floor((thursday.getTime() - yearStart) / DAY_MS / 7);
  return `${thursday.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

export function isIsoDate(value: unknown): value is IsoDate {
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && utcDateOf(toUtc(value)) === value;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** `1 November 2026`, as a letter home would write it. */
export function longDate(date: IsoDate): string {
  const [year, month, day] = date.slice(0, 10).split('-').map(Number) as [number, number, number];
  return `${day} ${MONTHS[month - 1]} ${year}`;
}

/** DD/MM/YYYY (as UK MIS exports write it) or YYYY-MM-DD, checked to be a real day. */
export function toIsoDate(value: string): IsoDate | undefined {
  const uk = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(value);
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const [year, month, day] = uk
    ? [Number(uk[3]), Number(uk[2]), Number(uk[1])]
    : iso
      ? [Number(iso[1]), Number(iso[2]), Number(iso[3])]
      : [];
  if (!year || !month || !day) return undefined;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return utcDateOf(date.getTime());
}

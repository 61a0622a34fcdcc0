/**
 * A dataset's date cell as the ISO day the article was published, from the forms exports use:
 * ISO dates and timestamps, `December 31, 2017`, `31 Dec 2017`, `12/31/2017` (US order), RFC 2822
 * (`Sun, 31 Dec 2017 23:30:00 +0000`), and Unix time in seconds or milliseconds. The day is the one
 * written, in the writer's time zone: a timestamp late on the 31st stays on the 31st.
 */
import * as chrono from 'chrono-node';

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T ])/;
/** Below this a number is Unix seconds, above it milliseconds (both in 1973-5138). */
const MILLISECONDS_FROM = 1e11;

const pad = (n: number) => String(n).padStart(2, '0');

function isoDay(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** The ISO day, or null when the value holds no full date (a month alone, `yesterday`, a typo). */
export function parsePublicationDate(value: string | number): string | null {
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || value <= 0) return null;
    return new Date(value < MILLISECONDS_FROM ? value * 1000 : value).toISOString().slice(0, 10);
  }
  const text = value.trim();
  const iso = ISO_DAY.exec(text);
  if (iso) return isoDay(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const found = chrono.strict.parse(text)[0];
  if (!found?.start.isCertain('year') || !found.start.isCertain('month') || !found.start.isCertain('day')) return null;
  return isoDay(found.start.get('year')!, found.start.get('month')!, found.start.get('day')!);
}

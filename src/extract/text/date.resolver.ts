/**
 * Dates written in the text, resolved with chrono-node against the article's reference date:
 * weekdays and `yesterday` to the past, `late June` to month precision, years only when the
 * text or the reference fixes them. Without a reference year a date stays unresolved.
 */
import * as chrono from 'chrono-node';
import type { DatePrecision } from '../extraction-record.type';

export interface ResolvedDate {
  /** `YYYY-MM-DD`, `YYYY-MM` or `YYYY`. */
  iso: string;
  precision: DatePrecision;
}

export interface FoundDate {
  /** Character offset of the expression within the searched text. */
  index: number;
  text: string;
  date: ResolvedDate | null;
}

const pad = (n: number) => String(n).padStart(2, '0');

function formatDate(date: Date, precision: DatePrecision): string {
  const y = String(date.getUTCFullYear());
  if (precision === 'year') return y;
  if (precision === 'month') return `${y}-${pad(date.getUTCMonth() + 1)}`;
  return `${y}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

/** Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (and longer ISO stamps) into a reference date. */
export function parseIsoDate(value: string | null | undefined): ResolvedDate | null {
  const m = value ? /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(value.trim()) : null;
  if (!m) return null;
  if (m[3]) return { iso: `${m[1]}-${m[2]}-${m[3]}`, precision: 'day' };
  if (m[2]) return { iso: `${m[1]}-${m[2]}`, precision: 'month' };
  return { iso: m[1], precision: 'year' };
}

function referenceInstant(reference: ResolvedDate): Date {
  const [y, mo, d] = reference.iso.split('-').map(Number);
  return new Date(Date.UTC(y, (mo ?? 7) - 1, d ?? 15, 12));
}

const rank: Record<DatePrecision, number> = { year: 0, month: 1, day: 2 };
const coarser = (a: DatePrecision, b: DatePrecision): DatePrecision => (rank[a] <= rank[b] ? a : b);

/** Two unrelated instants: an expression that chrono resolves differently against them is relative. */
const PROBE_A = new Date(Date.UTC(2001, 2, 14, 12));
const PROBE_B = new Date(Date.UTC(2011, 8, 21, 12));

function isRelative(text: string): boolean {
  const a = chrono.parse(text, { instant: PROBE_A, timezone: 0 })[0]?.start.date().getTime();
  const b = chrono.parse(text, { instant: PROBE_B, timezone: 0 })[0]?.start.date().getTime();
  return a !== b;
}

/** Text without any of these has no date for chrono to find; checking first saves most of the parsing. */
const DATE_HINT =
  /\d|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|fri|sat|sun|today|tonight|yesterday|tomorrow|week|month|year|morning|afternoon|evening|ago|noon|midnight|weekend|spring|summer|autumn|winter)/i;

export function findDates(text: string, reference: ResolvedDate | null): FoundDate[] {
  if (!DATE_HINT.test(text)) return [];
  const instant = reference ? referenceInstant(reference) : PROBE_A;
  const results = chrono.parse(text, { instant, timezone: 0 }, { forwardDate: false });
  const out: FoundDate[] = [];
  for (const r of results) {
    const c = r.start;
    const certainYear = c.isCertain('year') && !(reference === null && isRelative(r.text));
    let precision: DatePrecision =
      c.isCertain('day') || c.isCertain('weekday')
        ? 'day'
        : c.isCertain('month')
          ? 'month'
          : certainYear
            ? 'year'
            : 'day';
    let date = c.date();
    if (!certainYear) {
      if (!reference) {
        out.push({ index: r.index, text: r.text, date: null });
        continue;
      }
      // an expression relative to the reference cannot be finer than the reference itself
      const relative = !c.isCertain('month');
      if (relative) precision = coarser(precision, reference.precision);
      else if (!c.isCertain('year') && reference.precision === 'year') precision = coarser(precision, 'day');
      // `last October` in a July article is the previous October
      const future = date.getTime() > instant.getTime() + 36 * 3600 * 1000;
      // news reports what happened: `on Friday` is the last Friday, `last October` the previous October
      if (future && c.isCertain('weekday') && !c.isCertain('day'))
        date = new Date(date.getTime() - 7 * 24 * 3600 * 1000);
      else if (future) date = new Date(Date.UTC(date.getUTCFullYear() - 1, date.getUTCMonth(), date.getUTCDate(), 12));
    }
    out.push({ index: r.index, text: r.text, date: { iso: formatDate(date, precision), precision } });
  }
  for (const m of text.matchAll(
    /\b(?:in|of|since|during|by|to|from|until|after|before|around)\s+(?:the\s+)?((?:19|20)\d{2})\b(?![-\d])/g,
  )) {
    const at = m.index + m[0].indexOf(m[1]);
    if (out.some((d) => at >= d.index && at < d.index + d.text.length)) continue;
    out.push({ index: at, text: m[1], date: { iso: m[1], precision: 'year' } });
  }
  return out.sort((a, b) => a.index - b.index);
}

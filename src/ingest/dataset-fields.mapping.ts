/**
 * Which column (CSV) or key (JSON) of a dataset holds an article's text, title, date, url and id,
 * and one row as an article submission. Names given by the user must exist; otherwise the
 * first of the usual names present is used (case ignored). A row's source is stable across
 * reloads: `FILE#id=ID` with an id, else its url, else `FILE#ROW`.
 */
import type { ArticleSubmission } from './article.ingester';
import { parsePublicationDate } from './publication-date.parser';

export type DatasetField = 'text' | 'title' | 'date' | 'url' | 'id';
export type FieldNames = Partial<Record<DatasetField, string>>;

export const DEFAULT_FIELD_NAMES: Readonly<Record<DatasetField, readonly string[]>> = {
  text: ['text', 'content', 'body', 'article'],
  title: ['title', 'headline'],
  date: ['date', 'publishedOn', 'published_at', 'publishedAt', 'published', 'pubDate'],
  url: ['url', 'link'],
  id: ['id'],
};
const FIELDS = Object.keys(DEFAULT_FIELD_NAMES) as DatasetField[];

/** The key used for each field; only `text` is required. */
export type ResolvedFields = { text: string } & Partial<Record<Exclude<DatasetField, 'text'>, string>>;

function findKey(keys: readonly string[], name: string): string | undefined {
  return keys.find((k) => k === name) ?? keys.find((k) => k.toLowerCase() === name.toLowerCase());
}

/** The mapping for a dataset whose rows have `keys`, or what is wrong with the names given. */
export function resolveFields(keys: readonly string[], given: FieldNames): ResolvedFields | { error: string } {
  const resolved: Partial<Record<DatasetField, string>> = {};
  const shown = keys.length ? keys.map((k) => `"${k}"`).join(', ') : 'none';
  for (const field of FIELDS) {
    const name = given[field];
    if (name) {
      const key = findKey(keys, name);
      if (key === undefined)
        return { error: `no column "${name}" (given with --${field}-field); the columns are ${shown}` };
      resolved[field] = key;
    } else {
      resolved[field] = DEFAULT_FIELD_NAMES[field].map((n) => findKey(keys, n)).find((k) => k !== undefined);
    }
  }
  if (!resolved.text) {
    return {
      error: `no text column (looked for ${DEFAULT_FIELD_NAMES.text.join(', ')}); the columns are ${shown}: name it with --text-field`,
    };
  }
  return resolved as ResolvedFields;
}

function cell(row: Record<string, unknown>, key: string | undefined, field: DatasetField): string | number | null {
  if (key === undefined) return null;
  const value = row[key];
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return value;
  if (typeof value !== 'string')
    throw new Error(`${field} (column "${key}") is ${Array.isArray(value) ? 'a list' : `a ${typeof value}`}, not text`);
  return value.trim() || null;
}

/** One row as an article, or what is wrong with it. `file` names the dataset; `row` counts from 1. */
export function rowSubmission(
  row: Record<string, unknown>,
  fields: ResolvedFields,
  file: string,
  rowNumber: number,
): ArticleSubmission | { error: string } {
  try {
    const text = cell(row, fields.text, 'text');
    if (text === null) return { error: `no text: column "${fields.text}" is empty` };
    const id = cell(row, fields.id, 'id');
    const url = cell(row, fields.url, 'url');
    const date = cell(row, fields.date, 'date');
    const title = cell(row, fields.title, 'title');
    const publishedOn = date === null ? null : parsePublicationDate(date);
    if (date !== null && publishedOn === null) {
      return {
        error: `date "${date}" (column "${fields.date}") is not a full date such as 2017-12-31 or December 31, 2017; fix it or leave it empty`,
      };
    }
    const source = id !== null ? `${file}#id=${id}` : url !== null ? String(url) : `${file}#${rowNumber}`;
    return { source, text: String(text), title: title === null ? null : String(title), publishedOn };
  } catch (err) {
    return { error: (err as Error).message };
  }
}

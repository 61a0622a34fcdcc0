/**
 * The rows of a dataset file, streamed (a news archive can be hundreds of MB): CSV or TSV with a
 * header row (csv-parse), JSON Lines, or a JSON array of objects (stream-json). The file's
 * encoding is found in a first pass and decoded on the way. A row that cannot be read comes out
 * as an error with its number and line; a file that cannot be read at all fails as a whole.
 */
import { createReadStream, type ReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { parse as parseCsv, type CsvError } from 'csv-parse';
import StreamArray from 'stream-json/streamers/StreamArray';
import { MAX_ARTICLE_BYTES } from './article-file.reader';
import { decodingStream, EncodingDetector, type EncodingVerdict } from './text-encoding.detector';

export type DatasetFormat = 'csv' | 'tsv' | 'jsonl' | 'json';

const FORMAT_BY_EXTENSION: Record<string, DatasetFormat> = {
  '.csv': 'csv',
  '.tsv': 'tsv',
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl',
  '.json': 'json',
};

/** The dataset format a file's extension names, or null for an article file (plain text). */
export function datasetFormatOf(filePath: string): DatasetFormat | null {
  const dot = filePath.lastIndexOf('.');
  return dot < 0 ? null : (FORMAT_BY_EXTENSION[filePath.slice(dot).toLowerCase()] ?? null);
}

/** One row: `row` counts records from 1 (a CSV header is not one); `line` is where it starts in the file. */
export type DatasetRow = { row: number; line: number | null } & (
  { record: Record<string, unknown> } | { error: string }
);

/** Raised while streaming when the rest of the file cannot be read (broken JSON, a read error). */
export class DatasetReadError extends Error {
  constructor(
    message: string,
    readonly line: number | null,
  ) {
    super(message);
    this.name = 'DatasetReadError';
  }
}

/** A CSV field or JSON line may hold a whole article, and a little more. */
const MAX_RECORD_CHARACTERS = MAX_ARTICLE_BYTES + 64 * 1024;

export async function detectFileEncoding(filePath: string): Promise<EncodingVerdict> {
  const detector = new EncodingDetector();
  for await (const chunk of createReadStream(filePath)) detector.push(chunk as Buffer);
  return detector.verdict();
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

async function* csvRows(text: Readable, delimiter: string): AsyncGenerator<DatasetRow> {
  const skipped: Array<{ line: number; error: string }> = [];
  const parser = text.pipe(
    parseCsv({
      columns: (header: string[]) => header.map((name) => name.trim()),
      delimiter,
      bom: true,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      skip_records_with_error: true,
      max_record_size: MAX_RECORD_CHARACTERS,
      on_skip: (err: CsvError | undefined) => {
        const line = (err as (CsvError & { lines?: number }) | undefined)?.lines ?? 0;
        // One broken record can raise several errors on the same line: it is one bad row.
        if (err && skipped.at(-1)?.line !== line) skipped.push({ line, error: err.message });
        return undefined;
      },
    }),
  );
  let row = 0;
  let lastLine = 1;
  const flushSkipped = function* (): Generator<DatasetRow> {
    for (const { line, error } of skipped.splice(0)) {
      yield { row: ++row, line, error: `not valid CSV: ${error}` };
      lastLine = line;
    }
  };
  try {
    for await (const { record, info } of parser as AsyncIterable<{
      record: Record<string, string>;
      info: { lines: number };
    }>) {
      yield* flushSkipped();
      yield { row: ++row, line: lastLine + 1, record };
      lastLine = info.lines;
    }
  } catch (err) {
    throw new DatasetReadError(`not valid CSV: ${(err as Error).message}`, (err as { lines?: number }).lines ?? null);
  }
  yield* flushSkipped();
}

async function* jsonLinesRows(text: Readable): AsyncGenerator<DatasetRow> {
  let row = 0;
  let line = 0;
  for await (const content of createInterface({ input: text, crlfDelay: Infinity })) {
    line++;
    const trimmed = content.trim();
    if (!trimmed) continue;
    row++;
    let value: unknown;
    try {
      value = JSON.parse(trimmed);
    } catch (err) {
      yield { row, line, error: `not valid JSON: ${(err as Error).message}` };
      continue;
    }
    yield isPlainObject(value)
      ? { row, line, record: value }
      : { row, line, error: 'not a JSON object (each line must be one {...})' };
  }
}

async function* jsonArrayRows(text: Readable): AsyncGenerator<DatasetRow> {
  const elements = text.pipe(StreamArray.withParser());
  try {
    for await (const { key, value } of elements as AsyncIterable<{ key: number; value: unknown }>) {
      yield isPlainObject(value)
        ? { row: key + 1, line: null, record: value }
        : { row: key + 1, line: null, error: 'not a JSON object (the array must hold {...} objects)' };
    }
  } catch (err) {
    throw new DatasetReadError(
      `not a JSON array of objects (${(err as Error).message}); a file of one object per line should be named .jsonl`,
      null,
    );
  }
}

export interface DatasetReading {
  rows: AsyncGenerator<DatasetRow>;
  /** Bytes of the file read so far (for progress). */
  bytesRead(): number;
  /** Releases the file, also when the rows were not read to the end. */
  close(): void;
}

/** Streams the rows of a dataset file whose encoding is known. */
export function readDatasetRows(filePath: string, format: DatasetFormat, encoding: string): DatasetReading {
  const file: ReadStream = createReadStream(filePath);
  const text = file.pipe(decodingStream(encoding)) as unknown as Readable;
  file.on('error', (err) => text.destroy(err));
  const rows =
    format === 'csv'
      ? csvRows(text, ',')
      : format === 'tsv'
        ? csvRows(text, '\t')
        : format === 'jsonl'
          ? jsonLinesRows(text)
          : jsonArrayRows(text);
  return { rows, bytesRead: () => file.bytesRead, close: () => file.destroy() };
}

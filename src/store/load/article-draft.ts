/**
 * A new article version as it waits in the load log: its text and extraction record, checked
 * against each other first, so that every evidence span of every stored fact indexes its
 * article's text.
 */
import { randomBytes } from 'node:crypto';
import type { Evidence, ExtractionRecord } from '../../extract';
import { contentHashOf, versionOf } from '../identity/content-hash';
import { articleIdFor } from '../identity/stable-id';
import { StoreInputError } from '../store-input.error';
import type { ArticleDraft } from './load-entry.document';

function everyEvidence(record: ExtractionRecord): Evidence[] {
  return [
    ...record.people.flatMap((f) => f.evidence),
    ...record.organizations.flatMap((f) => f.evidence),
    ...record.offices.flatMap((f) => f.evidence),
    ...record.affiliations.flatMap((f) => f.evidence),
    ...record.meetings.flatMap((f) => f.evidence),
  ];
}

function checkRecordMatchesText(record: ExtractionRecord, text: string): void {
  for (const e of everyEvidence(record)) {
    const fits = Number.isInteger(e.start) && Number.isInteger(e.end) && e.start >= 0 && e.start < e.end;
    if (!fits || e.end > text.length || text.slice(e.start, e.end) !== e.text) {
      throw new StoreInputError(
        `the extraction record of "${record.source}" has evidence at ${e.start}-${e.end} that is not that span of its text`,
      );
    }
  }
  for (const p of record.paragraphs) {
    if (!(p.start >= 0 && p.start <= p.end && p.end <= text.length)) {
      throw new StoreInputError(`the extraction record of "${record.source}" has a paragraph outside its text`);
    }
  }
}

/** The draft of a new version of the record's article; its version names the text and the record together. */
export function draftOf(record: ExtractionRecord, text: string, now: Date): ArticleDraft {
  checkRecordMatchesText(record, text);
  const source = record.source.trim();
  if (!source) throw new StoreInputError('an article needs a source');
  const contentHash = contentHashOf(text);
  return {
    _id: randomBytes(12).toString('hex'),
    articleId: articleIdFor(source),
    source,
    version: versionOf({ contentHash, record }),
    text,
    contentHash,
    record,
    createdAt: now,
  };
}

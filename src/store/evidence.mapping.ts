/** Extracted evidence as stored: with the id of its article in derived fields, as bare spans in contributions. */
import type { Evidence } from '../extract';
import type { EvidenceDocument } from './evidence.document';
import type { EvidenceSpan } from './tracked-fields.document';

export function evidenceDocuments(articleId: string, evidence: readonly Evidence[]): EvidenceDocument[] {
  return evidence.map((e) => ({ articleId, text: e.text, start: e.start, end: e.end }));
}

export function evidenceSpans(evidence: readonly Evidence[]): EvidenceSpan[] {
  return evidence.map((e) => ({ start: e.start, end: e.end }));
}

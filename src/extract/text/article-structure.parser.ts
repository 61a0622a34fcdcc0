/**
 * Finds what in an article file is article text: optional front matter, a headline line,
 * paragraphs (blank-line, indented-line or wide-gap separated), photo captions, a wire
 * dateline, and scraper or wire trailers that must not yield facts.
 */
import type { TextSpan } from './text-span.type';

export interface FrontMatter {
  title?: string;
  publishedOn?: string;
  url?: string;
}

export interface Dateline {
  /** The dateline's place, or null for a bare wire credit (`(Reuters) - `). */
  place: string | null;
  /** The dateline's own `Month Day` text when it has one (wire copy), else null. */
  dateText: string | null;
  span: TextSpan;
}

export interface Paragraph extends TextSpan {
  /** A photo caption: present-tense, `(right)`-style, ending in a date; not running text. */
  caption: boolean;
}

export interface ArticleStructure {
  frontMatter: FrontMatter;
  headline: (TextSpan & { text: string }) | null;
  paragraphs: Paragraph[];
  dateline: Dateline | null;
}

const FRONT_MATTER = /^---[ \t]*\n([\s\S]*?)\n---[ \t]*(?:\n|$)/;
const TRAILER_LINE = /^\s*(?:reuters?|follow [\w ]+:|ap|afp)\s*$/i;
/** A headline is short and reads as a label, not a sentence run into the body. */
const MAX_HEADLINE_CHARS = 160;
const PARAGRAPH_GAP = /\n[ \t]*\n|\n(?=[ \t]{2,}\S)|[ \t]{3,}(?=\S)/g;
const CAPTION_POSITION = /\((?:right|left|center|centre|centre left|centre right|second (?:left|right)|l|r|c)\)/i;
const CAPTION_DATE_END =
  /,\s+(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{1,2},\s+\d{4}\.?\s*$/;
const WIRE_DATELINE =
  /^([A-Z][A-Z.'\- ]+[A-Z.]),\s+((?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2})\s+-\s+/;
/** `WASHINGTON (Reuters) - `, `(Reuters) - `: a wire's credit, with or without its place. */
const CREDIT_DATELINE =
  /^(?:([A-Z][A-Z.'\- ]+[A-Z.])(?:,\s+[A-Z][\p{L}.]+)?\s+)?\((?:Reuters|Reuter|AP|AFP|Bloomberg)\)\s+[-–—]+\s+/u;
const PLACE_DATELINE =
  /(?:^|[.!?”"]\s+)((?:[A-Z][\p{L}'’-]+)(?: [A-Z][\p{L}'’-]+)?),\s+(?:[A-Z][\p{L}'’-]+)(?: [A-Z][\p{L}'’-]+)?\s+[–—-]\s+(?=[A-Z‘“"'])/u;

function parseFrontMatter(block: string): FrontMatter {
  const out: FrontMatter = {};
  for (const line of block.split('\n')) {
    const m = /^\s*(title|publishedOn|published|date|url)\s*:\s*(.*?)\s*$/i.exec(line);
    if (!m) continue;
    const value = m[2].replace(/^["']|["']$/g, '');
    if (!value) continue;
    const key = m[1].toLowerCase();
    if (key === 'title') out.title = value;
    else if (key === 'url') out.url = value;
    else out.publishedOn = value;
  }
  return out;
}

function titleCaseWire(place: string): string {
  return place.toLowerCase().replace(/(^|[\s'-])(\p{L})/gu, (_, sep: string, ch: string) => sep + ch.toUpperCase());
}

function trimSpan(text: string, start: number, end: number): TextSpan | null {
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  return end > start ? { start, end } : null;
}

function isCaption(body: string): boolean {
  return (
    CAPTION_DATE_END.test(body) &&
    (CAPTION_POSITION.test(body) || /\b(?:meets|receives|greets|shakes|speaks|attends)\b/.test(body))
  );
}

function splitParagraphs(text: string, start: number, end: number): Paragraph[] {
  const out: Paragraph[] = [];
  let from = start;
  const region = text.slice(start, end);
  PARAGRAPH_GAP.lastIndex = 0;
  for (let m = PARAGRAPH_GAP.exec(region); m; m = PARAGRAPH_GAP.exec(region)) {
    const span = trimSpan(text, from, start + m.index);
    if (span) out.push({ ...span, caption: isCaption(text.slice(span.start, span.end)) });
    from = start + m.index + m[0].length;
  }
  const last = trimSpan(text, from, end);
  if (last) out.push({ ...last, caption: isCaption(text.slice(last.start, last.end)) });
  return out;
}

function lastWideGap(text: string): number {
  let at = -1;
  for (const m of text.matchAll(/[ \t]{3,}/g)) at = m.index + m[0].length - 1;
  return at;
}

/** Drops trailing lines such as ` REUTER` or `Follow Example News:` from the body end. */
function bodyEnd(text: string, start: number): number {
  let end = text.length;
  for (;;) {
    const trimmed = text.slice(start, end).trimEnd();
    const cut = Math.max(trimmed.lastIndexOf('\n'), lastWideGap(trimmed));
    const lineStart = cut < 0 ? 0 : cut + 1;
    const line = trimmed.slice(lineStart);
    if (!TRAILER_LINE.test(line) || lineStart === 0) return start + trimmed.length;
    end = start + lineStart;
  }
}

function findDateline(text: string, first: Paragraph | undefined): Dateline | null {
  if (!first) return null;
  const para = text.slice(first.start, first.end);
  const wire = WIRE_DATELINE.exec(para);
  if (wire) {
    return {
      place: titleCaseWire(wire[1].trim()),
      dateText: wire[2],
      span: { start: first.start, end: first.start + wire[0].length },
    };
  }
  const credit = CREDIT_DATELINE.exec(para);
  if (credit) {
    return {
      place: credit[1] ? titleCaseWire(credit[1].trim()) : null,
      dateText: null,
      span: { start: first.start, end: first.start + credit[0].length },
    };
  }
  const place = PLACE_DATELINE.exec(para.slice(0, 600));
  if (place) {
    const at = first.start + place.index + place[0].indexOf(place[1]);
    return { place: place[1], dateText: null, span: { start: at, end: first.start + place.index + place[0].length } };
  }
  return null;
}

export function parseArticleStructure(text: string): ArticleStructure {
  let cursor = 0;
  let frontMatter: FrontMatter = {};
  const fm = FRONT_MATTER.exec(text);
  if (fm) {
    frontMatter = parseFrontMatter(fm[1]);
    cursor = fm[0].length;
  }
  let headline: ArticleStructure['headline'] = null;
  const lead = /^\s*([^\n]+)\n[ \t]*\n/.exec(text.slice(cursor));
  if (lead && lead[1].trim().length <= MAX_HEADLINE_CHARS && !/^\s{2,}/.test(lead[1])) {
    const lineText = lead[1].trim();
    const looksLikeSentence = /[.]["”’]?$/.test(lineText) && lineText.split(/\s+/).length > 12;
    if (!looksLikeSentence) {
      const start = cursor + lead[0].indexOf(lineText);
      headline = { start, end: start + lineText.length, text: lineText };
      cursor += lead[0].length;
    }
  } else if (!lead) {
    const wireHead = /^\s*([^\n]+)\n(?=[ \t]{2,}\S)/.exec(text.slice(cursor));
    if (wireHead && wireHead[1].trim().length <= MAX_HEADLINE_CHARS) {
      const lineText = wireHead[1].trim();
      const start = cursor + wireHead[0].indexOf(lineText);
      headline = { start, end: start + lineText.length, text: lineText };
      cursor += wireHead[0].length;
    }
  }
  const paragraphs = splitParagraphs(text, cursor, bodyEnd(text, cursor));
  return { frontMatter, headline, paragraphs, dateline: findDateline(text, paragraphs[0]) };
}

import { AUDIT_LABELS } from '../../bench/audit-labels';
import {
  duplicateCount,
  judgeOffice,
  labelOf,
  leadingTitleWord,
  normalizedForm,
  type ListedOffice,
  type PersonLabel,
  type Verdict,
} from '../../bench/audit-measures';

const office = (title: string, jurisdiction: string | null, jurisdictionCode: string | null = null): ListedOffice => ({
  title,
  jurisdiction,
  jurisdictionCode,
});

const CHANCELLOR: PersonLabel = {
  names: ['Gordon Brown'],
  held: 'Chancellor of the Exchequer',
  posts: [
    {
      post: 'Chancellor of the Exchequer',
      titles: ['Chancellor of the Exchequer', 'Chancellor'],
      titleVariants: ['Finance Minister'],
      jurisdictions: ['GB', 'United Kingdom', 'UK'],
      jurisdictionVariants: ['Treasury'],
      main: true,
    },
    { post: 'MP for Dunfermline East', titles: ['MP'], jurisdictions: ['Dunfermline East'] },
  ],
};

describe('normalizedForm', () => {
  it.each([
    ['Foreign Secretary', 'foreign secretary'],
    ['Chair', 'Chairman'],
    ['Chairwoman', 'chairman'],
    ['Election Co-Ordinator', 'election coordinator'],
    ['Vice-President', 'Vice President'],
    ['U.S.', 'US'],
    ['Chancellor of the Exchequer', 'Chancellor Exchequer'],
    ['British & Irish Lions', 'British and Irish Lions'],
    ['Zürich', 'zurich'],
  ])('%s and %s are one form', (a, b) => {
    expect(normalizedForm(a)).toBe(normalizedForm(b));
  });

  it.each([
    ['Foreign Minister', 'Minister of Foreign Affairs'],
    ['Prime Minister', 'Deputy Prime Minister'],
    ['Chancellor', 'Chancellor of the Exchequer'],
    ['GB', 'GB-SCT'],
  ])('%s and %s stay apart', (a, b) => {
    expect(normalizedForm(a)).not.toBe(normalizedForm(b));
  });
});

describe('judgeOffice', () => {
  it.each<[string, ListedOffice, Verdict, number | null]>([
    ['canonical title and jurisdiction name', office('Chancellor', 'United Kingdom', 'GB'), 'right', 0],
    ['a jurisdiction known by its ISO code only', office('chancellor of the exchequer', 'Britannia', 'GB'), 'right', 0],
    ['a title variant of a post held', office('Finance Minister', 'United Kingdom', 'GB'), 'variant', 0],
    ['a jurisdiction variant of a post held', office('Chancellor', 'Treasury'), 'variant', 0],
    ['a post held without its jurisdiction', office('Chancellor', null), 'no-jurisdiction', 0],
    ["a post's title in another jurisdiction", office('Chancellor', 'Wales', 'GB-WLS'), 'other-jurisdiction', null],
    ['a post never held', office('Prime Minister', 'United Kingdom', 'GB'), 'no-such-post', null],
    ['the second post of the label', office('Mp', 'Dunfermline East'), 'right', 1],
  ])('%s', (_case, listed, verdict, post) => {
    expect(judgeOffice(listed, CHANCELLOR)).toEqual({ verdict, post });
  });

  it('finds every office of something that is no person wrong', () => {
    const band: PersonLabel = { ...CHANCELLOR, names: ['Franz Ferdinand'], notAPerson: true };
    expect(judgeOffice(office('Chancellor', 'United Kingdom', 'GB'), band).verdict).toBe('no-such-post');
  });
});

describe('duplicateCount', () => {
  const countOf = (offices: ListedOffice[]) =>
    duplicateCount(
      offices,
      offices.map((listed) => judgeOffice(listed, CHANCELLOR)),
    );

  it.each<[string, ListedOffice[], number]>([
    ['one post once', [office('Chancellor', 'United Kingdom', 'GB')], 0],
    ['two different posts', [office('Chancellor', 'United Kingdom', 'GB'), office('MP', 'Dunfermline East')], 0],
    [
      'one post under two titles',
      [office('Chancellor', 'United Kingdom', 'GB'), office('Chancellor of the Exchequer', 'United Kingdom', 'GB')],
      1,
    ],
    [
      'one post under two jurisdiction forms',
      [office('Chancellor', 'United Kingdom', 'GB'), office('Chancellor', 'Treasury')],
      1,
    ],
    ['one post with and without a jurisdiction', [office('Chancellor', 'UK'), office('Chancellor', null)], 1],
    [
      'one post four times',
      [
        office('Chancellor', 'UK'),
        office('Chancellor', null),
        office('Finance Minister', 'UK'),
        office('Chancellor', 'Treasury'),
      ],
      3,
    ],
    ['a post in two other jurisdictions', [office('Chancellor', 'Wales'), office('Chancellor', 'Kenya')], 0],
    ['an unlabelled office twice in two spellings', [office('Co-Chair', 'Tories'), office('co-chairman', 'tories')], 1],
  ])('%s: %d', (_case, offices, expected) => {
    expect(countOf(offices)).toBe(expected);
  });
});

describe('leadingTitleWord', () => {
  it.each([
    ['Prime Minister Tony Blair', 'Prime'],
    ['Labour’s Alan Milburn', 'Labour’s'],
    ['Tory Michael Howard', 'Tory'],
    ['Novelist Frederick Forsyth', 'Novelist'],
    ['Mr Blair', 'Mr'],
    ['President Putin', 'President'],
  ])('%s begins with %s', (name, word) => {
    expect(leadingTitleWord(name)).toBe(word);
  });

  it.each(['Tony Blair', 'Mervyn King', 'John Major', 'Kelly Holmes', 'Chancellorsville Smith'])(
    '%s begins with none',
    (name) => {
      expect(leadingTitleWord(name)).toBeNull();
    },
  );
});

describe('the audit labels', () => {
  it('find a person by any of their name forms, whatever the case and punctuation', () => {
    expect(labelOf('reagan', AUDIT_LABELS)?.names).toContain('Ronald Reagan');
    expect(labelOf('George W. Bush', AUDIT_LABELS)).toBe(labelOf('George W Bush', AUDIT_LABELS));
    expect(labelOf('Nobody Known', AUDIT_LABELS)).toBeUndefined();
  });

  it('give each name form to one person only', () => {
    const forms = AUDIT_LABELS.flatMap((label) => label.names.map(normalizedForm));
    expect(forms.filter((form, i) => forms.indexOf(form) !== i)).toEqual([]);
  });

  it('give every post a title and a jurisdiction, and each person at most one main post', () => {
    for (const label of AUDIT_LABELS) {
      expect(label.posts.filter((post) => post.main).length).toBeLessThanOrEqual(1);
      for (const post of label.posts) {
        expect(post.titles.length).toBeGreaterThan(0);
        expect(post.jurisdictions.length).toBeGreaterThan(0);
      }
    }
  });
});

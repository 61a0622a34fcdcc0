/**
 * One form for every way of writing a title, so that the same post from many articles is one
 * office: case folded to title case, synonymous heads to one word (`chairman`, `chairwoman`,
 * `chair` -> `Chair`; `CEO` -> `Chief Executive`), and a portfolio written after its head moved
 * before it (`Minister of Foreign Affairs` -> `Foreign Minister`). Posts that differ in rank
 * (`Deputy`, `Vice`, `Shadow`) stay apart.
 */

/** Heads (and whole titles) written in several ways, by their canonical form. */
// prettier-ignore
const SYNONYMS: Record<string, string> = {
  chairman: 'chair', chairwoman: 'chair', chairperson: 'chair',
  'vice-chairman': 'vice chair', 'vice chairman': 'vice chair', 'deputy chairman': 'deputy chair',
  spokesman: 'spokesperson', spokeswoman: 'spokesperson',
  ceo: 'chief executive', 'chief executive officer': 'chief executive',
  pm: 'prime minister', 'premier minister': 'prime minister',
  congresswoman: 'congressman', 'u.s. representative': 'representative',
  'secretary-general': 'secretary general', 'general secretary': 'secretary general',
  'attorney-general': 'attorney general', 'vice-president': 'vice president',
  'under-secretary': 'under secretary', undersecretary: 'under secretary',
  boss: 'head', chief: 'head', 'co-ordinator': 'coordinator',
};

/** Portfolios written in several ways (`Foreign Affairs`, `Defense`). */
// prettier-ignore
const PORTFOLIOS: Record<string, string> = {
  'foreign affairs': 'foreign', 'external affairs': 'foreign', 'the interior': 'interior', 'home affairs': 'home',
  defense: 'defence', 'the exchequer': 'exchequer', 'economic affairs': 'economy', economics: 'economy',
};

/** Heads whose portfolio moves in front of them (`Minister of Health` -> `Health Minister`). */
const PORTFOLIO_HEADS = /^(?:(?:deputy |vice |acting |junior |shadow )?(?:minister|secretary))$/;
/** Posts named with `of` that are no portfolio (`Secretary of State`, `Chancellor of the Exchequer`, `Chief of Staff`). */
const FIXED_TITLES = new Set([
  'secretary of state',
  'chancellor of the exchequer',
  'chief of staff',
  'secretary of state for',
]);
const SMALL_WORDS = new Set(['of', 'the', 'for', 'and', 'in', 'to']);
/** Posts written as their letters, which stay capitals (`MP`, not `Mp`). */
const LETTER_TITLES = new Set(['mp', 'mep', 'msp', 'mla', 'td', 'qc', 'kc']);

const titleCase = (text: string) =>
  text
    .split(' ')
    .map((w, i) =>
      LETTER_TITLES.has(w)
        ? w.toUpperCase()
        : i > 0 && SMALL_WORDS.has(w)
          ? w
          : w.replace(/(^|-)(\p{L})/gu, (_, sep: string, c: string) => sep + c.toUpperCase()),
    )
    .join(' ');

/**
 * Titles a country's press writes short, by the country's ISO code: in British news `the Chancellor`
 * is the Chancellor of the Exchequer and `the premier` the Prime Minister (in Germany a chancellor
 * heads the government, and a Canadian premier a province, so these fold only here).
 */
// prettier-ignore
const NATIONAL_USAGE: Record<string, Record<string, string>> = {
  GB: { chancellor: 'chancellor of the exchequer', premier: 'prime minister' },
};

/**
 * A party's campaign role, written many ways (`election chief`, `head of elections strategy`,
 * `election campaign co-ordinator`): one post, the election coordinator.
 */
const CAMPAIGN_ROLE =
  /^(?:(?:general |election |elections |campaign |strategy )+(?:head|chief|boss|coordinator|co-ordinator|director)|(?:head|chief|director|coordinator|co-ordinator) of (?:the )?(?:general )?(?:elections?|campaign)(?: campaign| strategy)?)$/;

/** The canonical form of a title; `countryCode` is the jurisdiction's ISO code when it is a country. */
export function canonicalTitleOf(title: string, countryCode: string | null = null): string {
  let t = title.toLowerCase().replace(/\s+/g, ' ').trim();
  t = SYNONYMS[t] ?? t;
  t = (countryCode && NATIONAL_USAGE[countryCode]?.[t]) ?? t;
  if (CAMPAIGN_ROLE.test(t)) return 'Election Coordinator';
  const of = /^(.+?) (?:of|for) (.+)$/.exec(t);
  if (of && PORTFOLIO_HEADS.test(of[1]) && ![...FIXED_TITLES].some((fixed) => t.startsWith(fixed))) {
    const portfolio = PORTFOLIOS[of[2]] ?? of[2].replace(/^the /, '');
    t = `${portfolio} ${of[1]}`;
  }
  const words = t.split(' ');
  const head = words.pop() as string;
  const portfolio = PORTFOLIOS[words.join(' ')] ?? words.join(' ');
  t = [portfolio, SYNONYMS[head] ?? head].filter(Boolean).join(' ');
  return titleCase(t.replace(/\s+/g, ' ').trim());
}

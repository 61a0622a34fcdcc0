/**
 * Small general word lists that tell what a capitalised phrase is: head words of organization
 * names, words of place names that are not countries or cities, calendar words, nouns for
 * unnamed groups of people, and the short names of major political parties that carry no head word.
 */
import { foldForLookup, memoizeWord } from './name.normalizer';

/** The word that makes a phrase the name of a body (`Ministry`, `Party`, `Bank`). */
// prettier-ignore
const ORGANIZATION_HEADS = [
  'party', 'union', 'ministry', 'bank', 'council', 'agency', 'committee', 'forces', 'corporation', 'co', 'plc',
  'limited', 'ltd', 'inc', 'group', 'association', 'federation', 'organisation', 'organization', 'institute', 'fund',
  'board', 'commission', 'community', 'administration', 'government', 'assembly', 'parliament', 'congress', 'senate',
  'court', 'university', 'college', 'archives', 'department', 'treasury', 'reserve', 'news', 'times', 'telegraph',
  'herald', 'post', 'journal', 'guardian', 'gazette', 'tribune', 'centre', 'center', 'foundation', 'trust', 'front',
  'movement', 'league', 'alliance', 'coalition', 'army', 'navy', 'police', 'authority', 'corps', 'brigades',
  'brigade', 'guard', 'nations', 'confederation', 'state', 'office', 'advisory', 'company', 'airlines', 'airways',
  'industries', 'holdings', 'bureau', 'secretariat', 'directorate', 'network', 'broadcasting', 'press', 'today',
  'service', 'services', 'organisations', 'organizations', 'archive', 'institution', 'institutions', 'brothers',
  'watch', 'crescent', 'brotherhood', 'securities', 'partners', 'associates', 'motors', 'energy', 'resources',
  'systems', 'technologies', 'electric', 'chemicals', 'international', 'club', 'corp', 'stores', 'consortium',
  'programme', 'program', 'exchange', 'mission', 'tribunal', 'force', 'survey', 'lab', 'laboratory', 'laboratories',
  'school', 'academy', 'observatory', 'commissariat', 'inspectorate', 'house',
  'banque', 'banco', 'banca', 'cie', 'compagnie', 'societe', 'société', 'groupe', 'gruppo', 'boerse', 'börse', 'bourse', 'deutsche', 'gmbh', 'spa', 'bancorp', 'monthly', 'weekly', 'daily', 'magazine', 'tv', 'television', 'radio', 'records', 'studios', 'pictures', 'entertainment', 'airport', 'railways', 'railway', 'transit', 'brands', 'management', 'chamber',
];
/** Heads that name a body on their own (`Congress`); the others need a name in front (`Ministry` alone is generic). */
// prettier-ignore
const STANDALONE_HEADS = [
  'congress', 'treasury', 'parliament', 'senate', 'times', 'telegraph', 'herald', 'guardian', 'independent',
];
/** Lower-case nouns that turn the capitalised phrase before them into a body (`Harvest party`). */
// prettier-ignore
const LOWERCASE_BODY_NOUNS = [
  'party', 'union', 'federation', 'group', 'forces', 'militia', 'movement', 'committee', 'organisation',
  'organization', 'agency',
  'ministry', 'department',
];
/** Lower-case nouns that describe the named body next to them (`energy giant Norlex`, `the former Vantora subsidiary`). */
// prettier-ignore
const BODY_DESCRIPTORS = [
  'giant', 'firm', 'company', 'unit', 'subsidiary', 'group', 'bank', 'agency', 'publication', 'newspaper',
  'broadcaster', 'watchdog', 'channel', 'conglomerate', 'operator', 'carrier', 'insurer', 'lender', 'retailer',
  'producer', 'maker', 'manufacturer', 'airline', 'union', 'party', 'daily', 'network', 'outlet', 'movement',
  'militia', 'faction', 'organisation', 'organization', 'consultancy', 'charity', 'committee', 'think-tank', 'tank',
  'chain', 'supermarket', 'supermarkets', 'store', 'steelmaker', 'carmaker', 'automaker', 'brewer', 'miner',
  'exchange', 'broker', 'insurance', 'regulator', 'rival',
];
/** Words of place and event names that make a capitalised phrase neither a person nor a body. */
// prettier-ignore
const PLACE_AND_THING_WORDS = [
  'region', 'republic', 'kingdom', 'emirates', 'street', 'road', 'square', 'tower', 'valley', 'sea', 'gulf', 'ocean',
  'river', 'lake', 'bay', 'coast', 'island', 'islands', 'mountain', 'mountains', 'province', 'district', 'territory',
  'territories', 'county', 'city', 'act', 'treaty', 'plan', 'scheme', 'tax', 'war', 'summit', 'day', 'year',
  'christmas', 'cup', 'olympics', 'games', 'prize', 'award', 'clinic', 'hospital', 'school', 'airport', 'palace',
  'house', 'east', 'west', 'north', 'south', 'asia', 'europe', 'africa', 'america', 'caucasus', 'channel', 'one',
  'two', 'election', 'referendum', 'market', 'capital', 'agreement', 'accord', 'deal', 'protocol', 'constitution',
  'bill', 'law', 'declaration', 'crisis', 'pandemic', 'flag', 'flags', 'motorway', 'avenue', 'bridge', 'park',
  'stadium', 'centre', 'center', 'estate', 'peninsula', 'strait', 'canal', 'desert', 'state', 'states', 'union',
  'forces', 'force', 'platform', 'conference', 'committee', 'council', 'party', 'eastern', 'western', 'northern',
  'southern', 'middle', 'international', 'national', 'united', 'global', 'royal', 'democratic', 'islamic', 'federal',
  'central', 'new', 'station', 'hotel', 'church', 'mosque', 'cathedral', 'museum', 'gallery', 'theatre', 'prison',
  'base', 'club', 'camp', 'port', 'harbour',
  'night', 'week', 'weekend', 'championship', 'championships', 'marathon', 'trophy', 'medal', 'memorial', 'festival', 'hill', 'heights', 'plaza', 'county', 'boulevard', 'lane', 'mall', 'tunnel', 'dam', 'court', 'series', 'open', 'prix', 'awards', 'league',
];
/** Unnamed people or bodies that make a side of a meeting (`met police chiefs`, `met the whole board`). */
// prettier-ignore
const GROUP_NOUNS = [
  'officials', 'counterparts', 'counterpart', 'panel', 'delegation', 'delegations', 'councils', 'unions', 'figures',
  'representatives', 'members', 'leaders', 'ministers', 'councillors', 'bankers', 'executives', 'diplomats',
  'committee', 'envoys', 'chairman', 'officers', 'investors', 'lawmakers', 'mps', 'senators', 'governors', 'mayors',
  'president', 'minister', 'chiefs', 'heads', 'bosses', 'campaigners', 'protesters', 'families', 'relatives',
  'residents', 'farmers', 'workers', 'activists', 'donors', 'creditors', 'lawyers', 'victims', 'survivors', 'troops',
  'veterans', 'elders', 'clerics', 'rebels', 'ambassadors', 'chairmen', 'directors', 'managers', 'advisers', 'aides',
  'negotiators', 'mediators', 'authorities', 'businessmen', 'employers', 'industrialists', 'allies', 'teachers',
  'doctors', 'nurses', 'students', 'journalists', 'academics', 'bishops', 'supporters', 'parents', 'volunteers',
  'soldiers', 'commanders', 'tribesmen', 'tribal', 'merchants', 'traders', 'exporters', 'producers',
  'groups', 'legislators', 'congressmen', 'delegates', 'businesses', 'companies', 'firms', 'banks', 'lenders', 'parties',
  'factions', 'dignitaries', 'guests', 'cardinals', 'priests', 'clergy', 'imams', 'scholars', 'experts', 'analysts',
  'stakeholders', 'partners', 'counterparts', 'administrators', 'commissioners', 'ambassadors', 'generals',
];
// prettier-ignore
const CALENDAR_WORDS = [
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november',
  'december', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'monday',
  'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'ramadan', 'easter',
];
/**
 * Major parties and political or armed movements whose names carry no head word, keyed by the
 * forms news uses, with the country a party stands in (movements active across borders have none).
 */
interface Party {
  name: string;
  aliases: string[];
  country: string | null;
}
const PARTY_FORMS: Record<string, Party> = {};
const PARTIES: Array<{ name: string; forms: string[]; country: string | null }> = [
  {
    name: 'Conservative Party',
    forms: ['Conservative', 'Conservatives', 'Tory', 'Tories', 'Conservative Party', 'Tory Party'],
    country: 'United Kingdom',
  },
  { name: 'Labour Party', forms: ['Labour', 'Labour Party', 'New Labour'], country: 'United Kingdom' },
  {
    name: 'Liberal Democrats',
    forms: ['Liberal Democrat', 'Liberal Democrats', 'Lib Dem', 'Lib Dems'],
    country: 'United Kingdom',
  },
  { name: 'Liberal Party', forms: ['Liberal', 'Liberals', 'Liberal Party'], country: 'United Kingdom' },
  { name: 'Plaid Cymru', forms: ['Plaid Cymru', 'Plaid'], country: 'United Kingdom' },
  { name: 'Sinn Fein', forms: ['Sinn Fein', 'Sinn Féin'], country: 'United Kingdom' },
  { name: 'UK Independence Party', forms: ['UKIP', 'Ukip', 'UK Independence Party'], country: 'United Kingdom' },
  { name: 'Scottish National Party', forms: ['SNP', 'Scottish National Party'], country: 'United Kingdom' },
  { name: 'Democratic Party', forms: ['Democrat', 'Democrats', 'Democratic Party'], country: 'United States' },
  {
    name: 'Republican Party',
    forms: ['Republican', 'Republicans', 'Republican Party', 'GOP'],
    country: 'United States',
  },
  { name: 'Likud', forms: ['Likud', 'Likud Party'], country: 'Israel' },
  { name: 'Fatah', forms: ['Fatah'], country: 'Palestine' },
  { name: 'Fidesz', forms: ['Fidesz'], country: 'Hungary' },
  { name: 'Syriza', forms: ['Syriza'], country: 'Greece' },
  { name: 'Podemos', forms: ['Podemos'], country: 'Spain' },
  { name: 'Hamas', forms: ['Hamas'], country: null },
  { name: 'Hezbollah', forms: ['Hezbollah', 'Hizbollah'], country: null },
  { name: 'Houthis', forms: ['Houthis', 'Houthi', 'Ansar Allah'], country: null },
  { name: 'Taliban', forms: ['Taliban'], country: null },
  { name: 'al-Qaeda', forms: ['al-Qaeda', 'al-Qaida', 'Al Qaeda'], country: null },
  { name: 'al-Shabab', forms: ['al-Shabab', 'al-Shabaab'], country: null },
  { name: 'Boko Haram', forms: ['Boko Haram'], country: null },
];
for (const party of PARTIES)
  for (const form of party.forms)
    PARTY_FORMS[foldForLookup(form)] = {
      name: party.name,
      aliases: party.forms.filter((f) => f !== party.name),
      country: party.country,
    };

const orgHeads = new Set(ORGANIZATION_HEADS);
const standaloneHeads = new Set(STANDALONE_HEADS);
const lowercaseBodies = new Set(LOWERCASE_BODY_NOUNS);
const placeWords = new Set(PLACE_AND_THING_WORDS);
const descriptors = new Set(BODY_DESCRIPTORS);
const calendar = new Set(CALENDAR_WORDS);
const groupNouns = new Set(GROUP_NOUNS);

const fold = memoizeWord((w: string) =>
  foldForLookup(w)
    .replace(/['’]s?$/, '')
    .replace(/\.$/, ''),
);

export const isOrganizationHead = (word: string): boolean => orgHeads.has(fold(word));
export const isStandaloneOrganizationHead = (word: string): boolean => standaloneHeads.has(fold(word));
export const isLowercaseBodyNoun = (word: string): boolean => lowercaseBodies.has(word);
export const isBodyDescriptor = (word: string): boolean => descriptors.has(word);
export const isPlaceOrThingWord = (word: string): boolean => placeWords.has(fold(word));
export const isCalendarWord = (word: string): boolean => calendar.has(fold(word));
/** A company's legal form at the end of its name (`Apple Inc`, `Lloyds Bank Plc`). */
const LEGAL_FORM = /\s+(?:Inc|Co|Corp|Corporation|Ltd|Limited|Plc|PLC|LLC|AG|SA|NV)\.?$/;
/** Words that end only companies' names, though a name ending in them may still be cut short (`Virgin Group`). */
const COMPANY_END = /\s+(?:Bros|Group|Holdings)\.?$/;
export const hasLegalForm = (name: string): boolean => LEGAL_FORM.test(name);
export const isCompanyName = (name: string): boolean => LEGAL_FORM.test(name) || COMPANY_END.test(name);
/** `Apple Inc` -> `Apple`: the short name the news uses once it has given the full one. */
export const withoutLegalForm = (name: string): string => name.replace(LEGAL_FORM, '');
export const isGroupNoun = (word: string): boolean => groupNouns.has(word.toLowerCase());

/**
 * Bodies the news names with no head word, so that their names alone say what they are: international
 * bodies, agencies and media known by acronym or short name, and companies named in the news every day.
 */
// prettier-ignore
const KNOWN_BODIES = [
  'UN', 'EU', 'NATO', 'IMF', 'OPEC', 'WHO', 'WTO', 'OECD', 'ASEAN', 'ECB', 'ICC', 'ICJ', 'IAEA', 'UNESCO', 'UNICEF',
  'UNHCR', 'UNRWA', 'WFP', 'FAO', 'G7', 'G20', 'BRICS', 'OSCE', 'FBI', 'CIA', 'NSA', 'DEA', 'ATF', 'SEC', 'FDA', 'EPA',
  'NASA', 'IRS', 'DHS', 'FTC', 'FCC', 'FEMA', 'CDC', 'NIH', 'NHS', 'MI5', 'MI6', 'GCHQ', 'KGB', 'FSB', 'GRU', 'PLO',
  'ANC', 'ISIS', 'ISIL', 'PKK', 'YPG', 'SDF', 'HTS', 'RSF', 'NRA', 'ACLU', 'NAACP', 'TUC', 'CBI', 'UEFA', 'FIFA', 'IOC',
  'NFL', 'NBA', 'MLB', 'NHL', 'BBC', 'CNN', 'CBS', 'NBC', 'MSNBC', 'AFP', 'ITV', 'NPR', 'PBS', 'HBO', 'BP', 'HSBC', 'UBS',
  'IBM', 'KPMG', 'AT&T', 'MIT', 'UCLA', 'NYSE', 'CFTC', 'OFAC', 'DUP', 'SDLP', 'BJP', 'AKP', 'CDU', 'CSU', 'SPD', 'ECOWAS',
  'SADC', 'IGAD', 'AU', 'Reuters', 'Al Jazeera', 'Axios', 'Bloomberg', 'Politico', 'Xinhua', 'Tass', 'TASS', 'Interfax',
  'Yonhap', 'Kyodo', 'Anadolu', 'IRNA', 'Haaretz', 'Boeing', 'Airbus', 'Google', 'Microsoft', 'Amazon', 'Facebook',
  'Meta', 'Tesla', 'Nokia', 'Samsung', 'Sony', 'Toyota', 'Honda', 'Nissan', 'Volkswagen', 'Gazprom', 'Rosneft',
  'Aramco', 'Exxon', 'ExxonMobil', 'Chevron', 'Shell', 'Total', 'Barclays', 'Citigroup', 'Citibank', 'Goldman Sachs',
  'JPMorgan', 'Morgan Stanley', 'Merrill Lynch', 'Wells Fargo', 'Deutsche Bank', 'Lloyds', 'Unilever', 'Nestle',
  'Walmart', 'eBay', 'Yahoo', 'Twitter', 'Instagram', 'WhatsApp', 'TikTok', 'ByteDance', 'Huawei', 'Alibaba', 'Tencent',
  'Uber', 'Netflix', 'Disney', 'Pfizer', 'Moderna', 'Novartis', 'Siemens', 'Lockheed Martin', 'Raytheon', 'Bundesbank',
  'Euronext', 'Nasdaq', 'Hamas', 'Hezbollah', 'Interpol', 'Europol', 'Frontex', 'Greenpeace', 'Oxfam',
];
const knownBodies = new Set(KNOWN_BODIES.map((b) => foldForLookup(b)));

/** Whether the name is one of the bodies the news names without a head word (`NATO`, `Reuters`, `Boeing`). */
export const isKnownBody = (name: string): boolean => knownBodies.has(foldForLookup(name));

/** The party a form such as `Tory` or `Lib Dems` names, or null. */
export function partyOf(form: string): Party | null {
  return PARTY_FORMS[foldForLookup(form)] ?? null;
}

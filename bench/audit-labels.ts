/**
 * What the most mentioned people of `../shared/corpus` held at the time of its articles (BBC
 * 2004-05, Reuters 1987, Al Jazeera 2025), written by hand from the articles themselves and
 * general knowledge, never from what the extractor gives them. Covers more than the top 30, so
 * that a change in extraction that reorders people near the cut still finds them labelled; a
 * person of the top 30 without a label is reported as unjudged.
 *
 * Sports coaches and managers hold jobs, not offices (GUIDELINES.md, settled cases): their `held`
 * says what they do and they have no posts, so an office listed for them is wrong.
 *
 * A post lists its canonical title and jurisdiction forms (how they are compared:
 * `audit-measures.ts`); `titleVariants` and `jurisdictionVariants` name the same post in a form
 * that is not canonical, which is wrong but lets the audit see it as a duplicate of the post.
 */
import type { PersonLabel, PostLabel } from './audit-measures';

const UK = ['GB', 'United Kingdom', 'UK', 'Britain', 'Great Britain'];
const US = ['US', 'United States', 'United States of America', 'USA', 'America'];
const HOUSE_OF_COMMONS = ['House of Commons', 'Parliament'];
const LABOUR = ['Labour Party', 'Labour'];
const LABOUR_VARIANTS = ['New Labour', 'party'];
const CONSERVATIVES = ['Conservative Party', 'Conservatives'];
const CONSERVATIVE_VARIANTS = ['Tory', 'Tories', 'Tory Party', 'party'];
const LIB_DEMS = ['Liberal Democrats', 'Liberal Democrat Party'];
const LIB_DEM_VARIANTS = ['Lib Dems', 'Lib Dem', 'Liberal Democrat', 'party'];

/** A British cabinet post: `Home Secretary` of the United Kingdom. */
function ukPost(post: string, titles: string[], titleVariants: string[] = []): PostLabel {
  return { post, titles, titleVariants, jurisdictions: UK };
}

function member(constituencies: string[]): PostLabel {
  return {
    post: `MP for ${constituencies.join(', then ')}`,
    titles: ['MP', 'Member of Parliament'],
    jurisdictions: [...constituencies, ...HOUSE_OF_COMMONS],
  };
}

const main = (post: PostLabel): PostLabel => ({ ...post, main: true });

const PRESIDENT_US = main({
  post: 'President of the United States',
  titles: ['President'],
  titleVariants: ['US President', 'Commander in Chief'],
  jurisdictions: US,
});

const HOME_SECRETARY = ukPost(
  'Home Secretary',
  ['Home Secretary', 'Secretary of State for the Home Department'],
  ['Interior Minister', 'Home Minister'],
);

const noOffice = (names: string[], held: string, oftenWrong?: string[]): PersonLabel => ({
  names,
  held,
  posts: [],
  ...(oftenWrong ? { oftenWrong } : {}),
});

const ROBERT_KILROY_SILK: PersonLabel = {
  names: ['Robert Kilroy-Silk', 'Kilroy-Silk'],
  held: 'MEP for the East Midlands (elected for UKIP in 2004, quit it in January 2005), founder and leader of Veritas (February 2005); former chat show host',
  posts: [
    main({
      post: 'Leader of Veritas',
      titles: ['Leader'],
      titleVariants: ['Founder', 'Head'],
      jurisdictions: ['Veritas', 'Veritas Party'],
    }),
    {
      post: 'Member of the European Parliament for the East Midlands',
      titles: ['MEP', 'Member of the European Parliament'],
      titleVariants: ['MP'],
      jurisdictions: ['East Midlands', 'European Parliament'],
    },
  ],
  oftenWrong: ['MP | Euro', 'Leader | UK Independence Party'],
};

export const AUDIT_LABELS: PersonLabel[] = [
  {
    names: ['Tony Blair'],
    held: 'Prime Minister of the United Kingdom, Leader of the Labour Party, MP for Sedgefield',
    posts: [
      main(ukPost('Prime Minister of the United Kingdom', ['Prime Minister'], ['Premier', 'PM'])),
      ukPost('First Lord of the Treasury', ['First Lord of the Treasury']),
      {
        post: 'Leader of the Labour Party',
        titles: ['Leader'],
        jurisdictions: LABOUR,
        jurisdictionVariants: LABOUR_VARIANTS,
      },
      member(['Sedgefield']),
    ],
    oftenWrong: ['President | United States', 'Prime Minister | Iraq', 'Chancellor | United Kingdom', 'Home Secretary'],
  },
  {
    names: ['Gordon Brown'],
    held: 'Chancellor of the Exchequer, MP for Dunfermline East (Kirkcaldy and Cowdenbeath from May 2005)',
    posts: [
      main(
        ukPost(
          'Chancellor of the Exchequer',
          ['Chancellor of the Exchequer', 'Chancellor'],
          ['Finance Minister', 'Finance Secretary', 'Treasury Chief'],
        ),
      ),
      member(['Dunfermline East', 'Kirkcaldy and Cowdenbeath']),
    ],
    oftenWrong: ['Prime Minister | United Kingdom (he became it in 2007)', 'Chancellor | Wales'],
  },
  {
    names: ['Donald Trump'],
    held: 'President of the United States (Al Jazeera 2025); a property developer and TV host in the BBC 2004-05 articles',
    posts: [PRESIDENT_US],
    oftenWrong: ['President | Ukraine, Russia, Iran (other presidents named beside him)', 'Leader | Republican Party'],
  },
  {
    names: ['Michael Howard'],
    held: 'Leader of the Conservative Party and Leader of the Opposition, MP for Folkestone and Hythe',
    posts: [
      main({
        post: 'Leader of the Conservative Party',
        titles: ['Leader'],
        titleVariants: ['Party Leader', 'Tory Leader', 'Conservative Leader'],
        jurisdictions: CONSERVATIVES,
        jurisdictionVariants: CONSERVATIVE_VARIANTS,
      }),
      {
        post: 'Leader of the Opposition',
        titles: ['Leader of the Opposition', 'Opposition Leader'],
        jurisdictions: [...UK, ...HOUSE_OF_COMMONS],
      },
      member(['Folkestone and Hythe']),
    ],
    oftenWrong: ['Prime Minister | United Kingdom', 'Home Secretary (1993-97)'],
  },
  {
    names: ['Vladimir Putin'],
    held: 'President of Russia',
    posts: [
      main({
        post: 'President of Russia',
        titles: ['President'],
        titleVariants: ['Russian President'],
        jurisdictions: ['RU', 'Russia', 'Russian Federation'],
      }),
    ],
    oftenWrong: ['Head | Federal Security Service (1998-99)', 'President | Ukraine'],
  },
  noOffice(['Andy Roddick'], 'American tennis player'),
  {
    names: ['Charles Kennedy'],
    held: 'Leader of the Liberal Democrats, MP for Ross, Skye and Inverness West (Ross, Skye and Lochaber from May 2005)',
    posts: [
      main({
        post: 'Leader of the Liberal Democrats',
        titles: ['Leader'],
        titleVariants: ['Party Leader', 'Lib Dem Leader'],
        jurisdictions: LIB_DEMS,
        jurisdictionVariants: LIB_DEM_VARIANTS,
      }),
      member(['Ross, Skye and Inverness West', 'Ross, Skye and Lochaber']),
    ],
    oftenWrong: ['Prince | United Kingdom', 'King | United Kingdom'],
  },
  {
    names: ['Steven Gerrard'],
    held: 'Liverpool and England footballer, captain of Liverpool (a role, not an office)',
    posts: [
      {
        post: 'Captain of Liverpool',
        titles: ['Captain'],
        titleVariants: ['Skipper'],
        jurisdictions: ['Liverpool', 'Liverpool FC'],
      },
    ],
  },
  {
    names: ['David Blunkett'],
    held: 'Home Secretary until December 2004; Work and Pensions Secretary from May 2005; MP for Sheffield Brightside',
    posts: [
      main(HOME_SECRETARY),
      ukPost('Work and Pensions Secretary', [
        'Work and Pensions Secretary',
        'Secretary of State for Work and Pensions',
      ]),
      member(['Sheffield Brightside']),
    ],
    oftenWrong: ['Prime Minister | United Kingdom', 'Education Secretary (1997-2001)'],
  },
  {
    names: ['Jack Straw'],
    held: 'Foreign Secretary, MP for Blackburn',
    posts: [
      main(
        ukPost(
          'Foreign Secretary',
          ['Foreign Secretary', 'Secretary of State for Foreign and Commonwealth Affairs'],
          ['Foreign Minister', 'Minister of Foreign Affairs'],
        ),
      ),
      member(['Blackburn']),
    ],
    oftenWrong: ['Home Secretary (1997-2001)'],
  },
  {
    names: ['Charles Clarke'],
    held: 'Education Secretary until December 2004, then Home Secretary; MP for Norwich South',
    posts: [
      main(HOME_SECRETARY),
      ukPost(
        'Education Secretary',
        ['Education Secretary', 'Secretary of State for Education and Skills', 'Secretary of State for Education'],
        ['Education Minister'],
      ),
      member(['Norwich South']),
    ],
  },
  {
    names: ['Andy Robinson'],
    held: 'Head coach of the England rugby union team (from October 2004)',
    posts: [],
  },
  {
    names: ['Dilson Funaro'],
    held: 'Finance Minister of Brazil (Reuters 1987)',
    posts: [
      main({
        post: 'Finance Minister of Brazil',
        titles: ['Finance Minister', 'Minister of Finance'],
        titleVariants: ['Minister'],
        jurisdictions: ['BR', 'Brazil'],
      }),
    ],
  },
  noOffice(['Ray Charles'], 'American musician (died in June 2004); also the film "Ray" about him'),
  {
    names: ['Ronald Reagan', 'Reagan'],
    held: 'President of the United States (Reuters 1987); his death and funeral in the BBC 2004 articles',
    posts: [PRESIDENT_US],
  },
  noOffice(['Kelly Holmes'], 'British middle-distance runner, double Olympic champion in 2004'),
  {
    names: ['Jose Mourinho'],
    held: 'Manager of Chelsea',
    posts: [],
  },
  {
    names: ['George W Bush'],
    held: 'President of the United States (BBC 2004-05); his father George Bush was Vice-President in the Reuters 1987 articles',
    posts: [PRESIDENT_US],
    oftenWrong: ['Vice President | United States (his father, 1987)', 'Prime Minister | United States'],
  },
  ROBERT_KILROY_SILK,
  {
    names: ['Alan Milburn'],
    held: "Labour's general election co-ordinator and Chancellor of the Duchy of Lancaster (September 2004 to May 2005), MP for Darlington",
    posts: [
      main({
        post: "Labour's general election co-ordinator",
        titles: [
          'Election Coordinator',
          'General Election Coordinator',
          'Campaign Coordinator',
          'Election Campaign Coordinator',
        ],
        titleVariants: [
          'Election Chief',
          'Election Head',
          'Head of Elections',
          'Campaign Chief',
          'Election Supremo',
          'Campaign Head',
        ],
        jurisdictions: LABOUR,
        jurisdictionVariants: LABOUR_VARIANTS,
      }),
      ukPost('Chancellor of the Duchy of Lancaster', ['Chancellor of the Duchy of Lancaster']),
      member(['Darlington']),
    ],
    oftenWrong: ['Health Secretary (1999-2003)', 'Premier | United Kingdom'],
  },
  {
    names: ['Alex Ferguson', 'Sir Alex Ferguson'],
    held: 'Manager of Manchester United',
    posts: [],
  },
  noOffice(['Rafael Nadal'], 'Spanish tennis player'),
  noOffice(['Lleyton Hewitt'], 'Australian tennis player'),
  noOffice(['Jamie Foxx'], 'American actor (Ray, 2004)'),
  {
    names: ['Arsene Wenger'],
    held: 'Manager of Arsenal',
    posts: [],
  },
  noOffice(['Tim Henman'], 'British tennis player'),
  {
    names: ['Malcolm Glazer'],
    held: 'American businessman, owner of the Tampa Bay Buccaneers, bidding for Manchester United (an owner, not an office holder)',
    posts: [{ post: 'Owner of the Tampa Bay Buccaneers', titles: ['Owner'], jurisdictions: ['Tampa Bay Buccaneers'] }],
    oftenWrong: ['anything of Manchester United (he was bidding for it)'],
  },
  noOffice(['Paula Radcliffe'], 'British marathon runner'),
  noOffice(['Kostas Kenteris'], 'Greek sprinter'),
  noOffice(['Katerina Thanou'], 'Greek sprinter'),
  noOffice(['Bernie Ebbers'], 'former chief executive of WorldCom, on trial in 2005', [
    'Chief Executive | WorldCom (former)',
  ]),
  noOffice(['Roger Federer'], 'Swiss tennis player'),
  noOffice(
    ['Dad Damaal'],
    'a Swedish man who joined ISIL (Al Jazeera 2025); his name is Damaal: "Dad" ends the sentence before it',
  ),
  {
    names: ['Clive Woodward', 'Sir Clive Woodward'],
    held: 'Head coach of the 2005 British and Irish Lions; England head coach until September 2004',
    posts: [],
  },
  {
    names: ['Paul Volcker'],
    held: 'Chairman of the Federal Reserve (Reuters 1987)',
    posts: [
      main({
        post: 'Chairman of the Federal Reserve',
        titles: ['Chairman'],
        titleVariants: ['Head', 'Chief', 'Fed Chairman'],
        jurisdictions: [
          'Federal Reserve',
          'Federal Reserve Board',
          'Federal Reserve System',
          'Board of Governors of the Federal Reserve System',
        ],
        jurisdictionVariants: ['Fed', 'Fed Board'],
      }),
    ],
  },
  noOffice(['Robbie Williams'], 'British singer'),
  {
    names: ['Victor Conte'],
    held: 'Founder and president of the Bay Area Laboratory Co-operative (Balco), charged in its drugs case',
    posts: [
      main({
        post: 'President of Balco',
        titles: ['President', 'Chief Executive'],
        titleVariants: ['Founder', 'Boss', 'Head', 'Chief'],
        jurisdictions: ['Balco', 'Bay Area Laboratory Co-operative', 'Bay Area Lab Co-operative'],
      }),
    ],
  },
  noOffice(['Martin Scorsese'], 'American film director (The Aviator, 2004): an occupation, no office'),
  noOffice(
    ['Alastair Campbell'],
    "former Downing Street director of communications (until 2003), advising Labour's 2005 campaign and the 2005 Lions",
    ['Head | BBC', 'Communications Head | Downing Street (former)'],
  ),
  noOffice(['Thierry Henry'], 'Arsenal and France footballer'),
  {
    names: ['John Prescott'],
    held: 'Deputy Prime Minister and First Secretary of State, Deputy Leader of the Labour Party, MP for Hull East',
    posts: [
      main(ukPost('Deputy Prime Minister', ['Deputy Prime Minister'], ['Deputy PM', 'Deputy Premier'])),
      ukPost('First Secretary of State', ['First Secretary of State']),
      {
        post: 'Deputy Leader of the Labour Party',
        titles: ['Deputy Leader'],
        jurisdictions: LABOUR,
        jurisdictionVariants: LABOUR_VARIANTS,
      },
      member(['Hull East', 'Kingston upon Hull East']),
    ],
  },
  {
    names: ['Benjamin Netanyahu', 'Binyamin Netanyahu'],
    held: 'Prime Minister of Israel (Al Jazeera 2025); Finance Minister of Israel (BBC 2004-05)',
    posts: [
      main({
        post: 'Prime Minister of Israel',
        titles: ['Prime Minister'],
        titleVariants: ['Premier', 'PM'],
        jurisdictions: ['IL', 'Israel'],
      }),
      {
        post: 'Finance Minister of Israel',
        titles: ['Finance Minister', 'Minister of Finance'],
        jurisdictions: ['IL', 'Israel'],
      },
    ],
  },
  noOffice(['Gavin Henson'], 'Wales rugby player'),
  noOffice(['Lawrence Dallaglio'], 'England rugby player (retired from internationals in 2004)'),
  {
    names: ['Mike Ruddock'],
    held: 'Head coach of the Wales rugby union team',
    posts: [],
  },
  noOffice(['Clint Eastwood'], 'American actor and film director (Million Dollar Baby, 2004)'),
  noOffice(['Serena Williams'], 'American tennis player'),
  noOffice(['Lindsay Davenport'], 'American tennis player'),
  {
    names: ['Oliver Letwin'],
    held: 'Shadow Chancellor of the Exchequer, MP for West Dorset',
    posts: [
      main({
        post: 'Shadow Chancellor of the Exchequer',
        titles: ['Shadow Chancellor', 'Shadow Chancellor of the Exchequer'],
        jurisdictions: [...UK, ...CONSERVATIVES],
        jurisdictionVariants: CONSERVATIVE_VARIANTS,
      }),
      member(['West Dorset']),
    ],
  },
  noOffice(['Wayne Rooney'], 'Manchester United and England footballer'),
  {
    names: ['Clayton Yeutter'],
    held: 'United States Trade Representative (Reuters 1987)',
    posts: [
      main({
        post: 'United States Trade Representative',
        titles: ['Trade Representative', 'US Trade Representative'],
        titleVariants: ['Trade Negotiator', 'Trade Chief'],
        jurisdictions: US,
      }),
    ],
  },
  noOffice(['Craig Bellamy'], 'Wales footballer (Newcastle, then Celtic)'),
  noOffice(['Hilary Swank'], 'American actress (Million Dollar Baby, 2004)'),
  noOffice(['Mikhail Khodorkovsky'], 'former head of Yukos, in jail and on trial', [
    'Chief Executive | Yukos (former)',
  ]),
  noOffice(['Jonny Wilkinson'], 'England rugby player'),
  {
    names: ['Graeme Souness'],
    held: 'Manager of Newcastle United',
    posts: [],
  },
  {
    names: ['Liam Fox'],
    held: 'Co-chairman of the Conservative Party, MP for Woodspring',
    posts: [
      main({
        post: 'Co-chairman of the Conservative Party',
        titles: ['Co-Chairman', 'Chairman'],
        jurisdictions: CONSERVATIVES,
        jurisdictionVariants: CONSERVATIVE_VARIANTS,
      }),
      member(['Woodspring']),
    ],
  },
  {
    names: ['Sumner Redstone'],
    held: 'President of National Amusements and, from 1987, chairman of Viacom (Reuters 1987)',
    posts: [
      main({
        post: 'President of National Amusements',
        titles: ['President'],
        jurisdictions: ['National Amusements', 'National Amusements Inc'],
      }),
      {
        post: 'Chairman of Viacom',
        titles: ['Chairman'],
        jurisdictions: ['Viacom', 'Viacom International', 'Viacom Inc'],
      },
    ],
  },
  noOffice(['Joss Stone'], 'British singer'),
  noOffice(["Ronan O'Gara"], 'Ireland rugby player'),
  noOffice(['Carlos Moya'], 'Spanish tennis player'),
  noOffice(['Frederick Forsyth'], 'British novelist'),
  noOffice(['Imelda Staunton'], 'British actress (Vera Drake, 2004)'),
  noOffice(
    ["Brian O'Driscoll"],
    'Ireland rugby player, captain of Ireland and of the 2005 Lions (a role, not an office)',
  ),
  noOffice(['Charlie Hodgson'], 'England rugby player'),
  noOffice(['Andre Agassi'], 'American tennis player'),
  noOffice(['Scott Sullivan'], 'former chief financial officer of WorldCom, witness at its 2005 trial', [
    'Finance Chief | WorldCom (former)',
  ]),
  {
    names: ['Rafael Benitez'],
    held: 'Manager of Liverpool',
    posts: [],
  },
  noOffice(['Mark Lewis-Francis'], 'British sprinter'),
  {
    names: ['Richard Lyng'],
    held: 'United States Secretary of Agriculture (Reuters 1987)',
    posts: [
      main({
        post: 'Secretary of Agriculture',
        titles: ['Agriculture Secretary', 'Secretary of Agriculture'],
        titleVariants: ['Agriculture Minister'],
        jurisdictions: US,
      }),
    ],
  },
  {
    names: ['James Baker'],
    held: 'United States Secretary of the Treasury (Reuters 1987)',
    posts: [
      main({
        post: 'Secretary of the Treasury',
        titles: ['Treasury Secretary', 'Secretary of the Treasury'],
        titleVariants: ['Finance Minister'],
        jurisdictions: US,
      }),
    ],
  },
  noOffice(['Mike Leigh'], 'British film director (Vera Drake, 2004)'),
  noOffice(['Leonardo DiCaprio'], 'American actor (The Aviator, 2004)'),
  {
    names: ['Howard Baker'],
    held: 'White House Chief of Staff from February 1987 (Reuters 1987)',
    posts: [
      main({
        post: 'White House Chief of Staff',
        titles: ['Chief of Staff', 'White House Chief of Staff'],
        jurisdictions: [...US, 'White House'],
      }),
    ],
  },
  {
    names: ['Walter Smith'],
    held: 'Manager of the Scotland national football team',
    posts: [],
  },
  noOffice(['Jason Gardener'], 'British sprinter'),
  noOffice(['Greg Rusedski'], 'British tennis player'),
  {
    names: ['David Davis'],
    held: 'Shadow Home Secretary, MP for Haltemprice and Howden',
    posts: [
      main({
        post: 'Shadow Home Secretary',
        titles: ['Shadow Home Secretary'],
        jurisdictions: [...UK, ...CONSERVATIVES],
        jurisdictionVariants: CONSERVATIVE_VARIANTS,
      }),
      member(['Haltemprice and Howden']),
    ],
  },
  noOffice(['Stephen Jones'], 'Wales rugby player'),
  noOffice(['Mathew Tait'], 'England rugby player'),
  {
    names: ['Mark Oaten'],
    held: 'Liberal Democrat home affairs spokesman, MP for Winchester',
    posts: [
      main({
        post: 'Liberal Democrat home affairs spokesman',
        titles: ['Home Affairs Spokesman'],
        titleVariants: ['Spokesman', 'Shadow Home Secretary'],
        jurisdictions: LIB_DEMS,
        jurisdictionVariants: LIB_DEM_VARIANTS,
      }),
      member(['Winchester']),
    ],
  },
  {
    names: ['Falconer', 'Lord Falconer'],
    held: 'Lord Chancellor and Secretary of State for Constitutional Affairs',
    posts: [
      main(ukPost('Lord Chancellor', ['Lord Chancellor'])),
      ukPost('Secretary of State for Constitutional Affairs', [
        'Secretary of State for Constitutional Affairs',
        'Constitutional Affairs Secretary',
      ]),
    ],
  },
  noOffice(['Ellen Simonetti'], 'American flight attendant sacked for her blog'),
  noOffice(['Marat Safin'], 'Russian tennis player'),
  noOffice(['Joe Biden'], 'former President of the United States (Al Jazeera 2025)', [
    'President | United States (former)',
  ]),
  {
    names: ['Bill Gates'],
    held: 'Chairman and chief software architect of Microsoft',
    posts: [
      main({ post: 'Chairman of Microsoft', titles: ['Chairman'], jurisdictions: ['Microsoft', 'Microsoft Corp'] }),
    ],
  },
  {
    names: ['Donald Regan'],
    held: 'White House Chief of Staff until February 1987 (Reuters 1987)',
    posts: [
      main({
        post: 'White House Chief of Staff',
        titles: ['Chief of Staff', 'White House Chief of Staff'],
        jurisdictions: [...US, 'White House'],
      }),
    ],
  },
  noOffice(['Jason Robinson'], 'England rugby player and captain (a role, not an office)'),
  {
    names: ['Ken Livingstone'],
    held: 'Mayor of London',
    posts: [main({ post: 'Mayor of London', titles: ['Mayor'], jurisdictions: ['London', 'Greater London'] })],
  },
  {
    names: ['Carl Icahn'],
    held: 'Chairman of Trans World Airlines (Reuters 1987)',
    posts: [
      main({
        post: 'Chairman of TWA',
        titles: ['Chairman'],
        jurisdictions: ['TWA', 'Trans World Airlines', 'Trans World Airlines Inc'],
      }),
    ],
  },
  {
    names: ['Jaime Ongpin'],
    held: 'Finance Secretary of the Philippines (Reuters 1987)',
    posts: [
      main({
        post: 'Finance Secretary of the Philippines',
        titles: ['Finance Secretary', 'Secretary of Finance'],
        titleVariants: ['Finance Minister'],
        jurisdictions: ['PH', 'Philippines'],
      }),
    ],
  },
  noOffice(['Marion Jones'], 'American sprinter'),
  {
    names: ["Eddie O'Sullivan"],
    held: 'Head coach of the Ireland rugby union team',
    posts: [],
  },
  noOffice(['Elvis Presley'], 'American singer (died 1977)'),
  noOffice(['Robert Peston'], 'British journalist, author of a book on Gordon Brown'),
  { names: ['Whilst Angels'], held: 'no person: the song "Angels" after "Whilst"', posts: [], notAPerson: true },
  { names: ['Franz Ferdinand'], held: 'no person here: the Scottish rock band', posts: [], notAPerson: true },
  { names: ['Aston Villa'], held: 'no person: the football club', posts: [], notAPerson: true },
  { names: ['York Knicks'], held: 'no person: the New York Knicks basketball team', posts: [], notAPerson: true },
];

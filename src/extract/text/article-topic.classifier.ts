/**
 * How much an article is about sport, from how densely it uses the words of sport. In sport,
 * a club's `boss`, `manager` or `coach` holds a job, not an office (GUIDELINES.md, settled cases).
 */
import type { Sentence } from './sentence.splitter';
import { holds } from '../engine/word.predicates';

// prettier-ignore
const SPORT_WORDS = new Set([
  'match', 'matches', 'goal', 'goals', 'season', 'league', 'striker', 'midfielder', 'defender', 'goalkeeper', 'coach',
  'cup', 'championship', 'championships', 'tournament', 'final', 'semi-final', 'quarter-final', 'victory', 'defeat',
  'scored', 'score', 'points', 'player', 'players', 'team', 'squad', 'race', 'medal', 'olympic', 'olympics',
  'champion', 'champions', 'injury', 'fixture', 'club', 'stadium', 'wicket', 'innings', 'try', 'tries', 'referee',
  'penalty', 'slam', 'seed', 'seeded', 'sets', 'round', 'win', 'won', 'beat', 'game', 'games', 'fans', 'rugby',
  'football', 'tennis', 'cricket', 'golf', 'athletics', 'baseball', 'basketball', 'hockey', 'boxing', 'sprint',
  'marathon', 'derby', 'kick', 'pitch', 'captain', 'manager', 'relegation', 'premiership', 'tackle', 'halftime',
  'half-time', 'lap', 'finish', 'title', 'transfer', 'transfers', 'signing', 'winger', 'keeper', 'goalscorer',
  'trophy', 'sport', 'sporting', 'athlete', 'athletes', 'sprinter', 'hurdles', 'ranking', 'rankings', 'coaching',
  'fa', 'uefa', 'fifa', 'iaaf', 'twickenham', 'wimbledon', 'racing', 'jockey', 'scrum', 'fly-half', 'flanker',
  'caps',
]);
/** The share of an article's words that are sport's words, past which it is a sports report. */
const SPORTS_REPORT_DENSITY = 0.03;
/** The share past which the article touches sport (a transfer story in the business pages). */
const TOUCHES_SPORT_DENSITY = 0.01;

export interface ArticleSport {
  /** A sports report: a club's boss, coach, captain, chief or director holds a job there. */
  report: boolean;
  /** It touches sport: a team's boss, manager, coach or captain named in it holds a job. */
  touched: boolean;
}

/** Office extraction runs twice on an article (before and after coreference): it is counted once. */
const sportOfArticle = new WeakMap<readonly Sentence[], ArticleSport>();

export function articleSport(sentences: readonly Sentence[]): ArticleSport {
  let sport = sportOfArticle.get(sentences);
  if (!sport) {
    sport = measureSport(sentences);
    sportOfArticle.set(sentences, sport);
  }
  return sport;
}

function measureSport(sentences: readonly Sentence[]): ArticleSport {
  let words = 0;
  let sport = 0;
  for (const s of sentences) {
    for (const w of s.words) {
      if (!holds('hasLetter', w)) continue;
      words++;
      if (SPORT_WORDS.has(w.lower)) sport++;
    }
  }
  const density = words > 0 ? sport / words : 0;
  return { report: density >= SPORTS_REPORT_DENSITY, touched: density >= TOUCHES_SPORT_DENSITY };
}

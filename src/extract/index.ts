/** extract: pure functions from one article's text to an extraction record with evidence. No I/O. */
export * from './extraction-record.type';
export { extractArticle, type ArticleInput } from './article.extractor';

/** Puts the office holdings of a batch of articles into the store's workspace: one office per normalized title and jurisdiction. */
import type { OfficeFact } from '../extract';
import type { EntityWorkspace } from './entity.workspace';
import { evidenceDocuments, evidenceSpans } from './evidence.mapping';
import type { OfficeIdentity } from './office.derivation';
import type { OfficeContribution, OfficeDocument } from './office.document';
import { officeKey, officeTitleKey } from './office-key';
import { nameKey } from './name-key';
import { stableId } from './stable-id';

export interface ArticleOffices {
  articleId: string;
  offices: readonly OfficeFact[];
  /** Person ids by normalized name, from placing the article's people. */
  personIds: ReadonlyMap<string, string>;
  /** When the article shows its holders in office. */
  asOf: string | null;
}

export async function placeOffices(
  workspace: EntityWorkspace<OfficeContribution, OfficeIdentity, OfficeDocument>,
  articles: readonly ArticleOffices[],
): Promise<void> {
  const holdings = articles.flatMap(({ articleId, offices, personIds, asOf }) =>
    offices.flatMap((fact, ordinal) => {
      const personId = personIds.get(nameKey(fact.holder));
      if (!personId || !officeTitleKey(fact.title)) return [];
      const key = officeKey(fact.title, fact.jurisdiction);
      return [{ articleId, asOf, fact, ordinal, personId, key, id: stableId('office', key) }];
    }),
  );
  await workspace.load(holdings.map((h) => h.id));
  for (const { articleId, asOf, fact, ordinal, personId, key, id } of holdings) {
    if (!workspace.isTaken(id)) workspace.create(id, { _id: id, key });
    workspace.contribute(
      id,
      {
        articleId,
        ordinal,
        personId,
        title: fact.title.trim(),
        jurisdiction: fact.jurisdiction?.trim() || null,
        asOf,
        evidence: evidenceSpans(fact.evidence),
      },
      evidenceDocuments(articleId, fact.evidence),
    );
  }
}

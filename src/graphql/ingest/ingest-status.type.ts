import { registerEnumType } from 'type-graphql';

export enum IngestStatus {
  ADDED = 'ADDED',
  UPDATED = 'UPDATED',
  UNCHANGED = 'UNCHANGED',
}

registerEnumType(IngestStatus, {
  name: 'IngestStatus',
  description: 'What `ingestArticle` did with the article.',
  valuesConfig: {
    ADDED: { description: 'A new source: the article and its facts were added.' },
    UPDATED: { description: 'The source existed with another text: its facts were replaced.' },
    UNCHANGED: { description: 'The source existed with the same text: nothing changed.' },
  },
});

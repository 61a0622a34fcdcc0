/**
 * A GraphiQL side panel listing the operations of `schema/examples`: picking one puts it and its
 * variables into the editors, ready to run.
 */
import { useGraphiQL, type GraphiQLPlugin } from '@graphiql/react';
import type { ExampleOperation } from '../explorer-config.type';

function ExampleList({ examples }: { examples: ExampleOperation[] }) {
  const queryEditor = useGraphiQL((state) => state.queryEditor);
  const variableEditor = useGraphiQL((state) => state.variableEditor);
  const open = (example: ExampleOperation): void => {
    queryEditor?.setValue(example.query);
    variableEditor?.setValue(example.variables);
  };
  return (
    <section className="newsgraph-examples" aria-label="Example operations">
      <div className="graphiql-doc-explorer-title">Examples</div>
      <p>
        Ready-made operations, each tested against the articles in <code>seeds/</code>. Pick one, then run it with the ▶
        button or Ctrl-Enter.
      </p>
      <ul>
        {examples.map((example) => (
          <li key={example.name}>
            <button type="button" onClick={() => open(example)} data-example={example.name}>
              <strong>{example.title}</strong>
              <span>{example.description}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

function ExamplesIcon() {
  return (
    <svg viewBox="0 0 24 24" width="1em" height="1em" fill="none" stroke="currentColor" strokeWidth="1.5" aria-hidden>
      <path d="M4 5h16M4 10h16M4 15h10M4 20h7" strokeLinecap="round" />
    </svg>
  );
}

export function examplesPlugin(examples: ExampleOperation[]): GraphiQLPlugin {
  return {
    title: 'Examples',
    icon: ExamplesIcon,
    content: () => <ExampleList examples={examples} />,
  };
}

/**
 * `newsgraph <command>`: the one command-line entry point. Each command lives in its own
 * module, loaded only when asked for, so `extract` does not pay for GraphQL or MongoDB.
 */
import 'reflect-metadata';

type CommandModule = { run: (args: string[]) => Promise<number> };

const COMMANDS: Record<string, { summary: string; load: () => Promise<CommandModule> }> = {
  serve: {
    summary: 'serve the GraphQL API (loads seeds/ first into an empty database)',
    load: () => import('./serve.command'),
  },
  seed: {
    summary: 'load article files and CSV/JSON datasets into the store: seed [--dir DIR | --file FILE] [--json]',
    load: () => import('./seed.command'),
  },
  extract: { summary: 'print extraction records as JSON: extract FILE...', load: () => import('./extract.command') },
  schema: { summary: 'print the GraphQL schema (SDL, sorted)', load: () => import('./schema.command') },
  'build-explorer': {
    summary: 'build the explorer page served at / (npm install does this)',
    load: () => import('./build-explorer.command'),
  },
  mongod: {
    summary: 'run the embedded MongoDB-compatible server: mongod [--port P] [--dbpath DIR | --memory]',
    load: () => import('./mongod.command'),
  },
  backup: {
    summary: "copy the embedded server's data to a new file, while it runs: backup FILE",
    load: () => import('./backup.command'),
  },
};

function usage(): string {
  const lines = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(15)} ${c.summary}`);
  return `usage: newsgraph <command> [options]\n\ncommands:\n${lines.join('\n')}\n`;
}

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(usage());
    return name ? 0 : 2;
  }
  const command = COMMANDS[name];
  if (!command) {
    process.stderr.write(`newsgraph: unknown command "${name}"\n\n${usage()}`);
    return 2;
  }
  return (await command.load()).run(args);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`newsgraph: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  },
);

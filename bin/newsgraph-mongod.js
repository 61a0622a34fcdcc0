#!/usr/bin/env node
// `newsgraph-mongod [--port P] [--dbpath DIR | --memory]`: the embedded server on its own, like mongod
// (and `--check`, `--backup FILE`, `--restore FILE` for its data directory).
require('@swc-node/register');
process.argv.splice(2, 0, 'mongod');
require('../src/cli/main.ts');

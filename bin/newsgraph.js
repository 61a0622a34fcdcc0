#!/usr/bin/env node
// Runs the TypeScript sources directly through SWC, which keeps the decorator metadata TypeGraphQL needs.
require('@swc-node/register');
require('../src/cli/main.ts');

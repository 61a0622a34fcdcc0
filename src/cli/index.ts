/**
 * cli: the `newsgraph` commands (`main.ts` dispatches serve, seed, extract, schema, mongod) and the
 * only code, with the server entry point, that reads the environment: configuration and the choice of MongoDB.
 */
export { loadConfig, loadConfigOrReport, ConfigError, CONFIG_VARIABLES, type Config } from './config';
export { openDatabase, redactUri, type DatabaseConnection, type DatabaseOptions } from './database.connection';

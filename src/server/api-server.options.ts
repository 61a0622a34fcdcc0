/** What the API server needs to know, already validated (the cli reads and checks the environment). */
export interface ApiServerOptions {
  /** 0 picks a free port (tests). */
  port: number;
  host: string;
  /** Bearer key for mutations; undefined turns mutations off. */
  apiKey: string | undefined;
  /** Production hides error details and stack traces. */
  production: boolean;
  introspection: boolean;
  /** Serve Apollo Sandbox at `/` for browsers. */
  sandbox: boolean;
}

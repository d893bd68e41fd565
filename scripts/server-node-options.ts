/**
 * Node's options for the server, as App Service (infra/azure.bicep), `npm start`, the Playground
 * (scripts/playground.ts) and the bench run it; tests/toolkit/azure-infra.test.ts holds the command
 * lines to this list. V8's young generation is capped at 4 MiB a semi-space (Node's default is up
 * to 16 MiB on 64-bit): the server's resident memory stays about 15 MB lower once it has handled some
 * traffic, for scavenges a little more often (https://nodejs.org/api/cli.html, "--max-semi-space-size";
 * docs/benchmarks.md).
 */
export const SERVER_NODE_OPTIONS = ['--max-semi-space-size=4'];

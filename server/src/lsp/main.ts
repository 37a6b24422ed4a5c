// The runbook-language-server process: stdio by default, or the transport the client
// names on the command line (--stdio, --node-ipc, --socket, --pipe).
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { createServer } from './server';
import { compileMatchers } from '../model/vocabulary';

if (!process.argv.some((a) => /^--(?:stdio|node-ipc|socket|pipe)\b/.test(a)) && !process.argv.includes('--clientProcessId')) {
  process.argv.push('--stdio');
}

compileMatchers();
const connection = createConnection(ProposedFeatures.all);
const server = createServer(connection);
process.on('uncaughtException', (e) => server.report('uncaught', e));
process.on('unhandledRejection', (e) => server.report('unhandled rejection', e));
connection.listen();

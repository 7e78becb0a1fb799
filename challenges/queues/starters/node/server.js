// Starter kit for the Payment Jobs challenge, in Node.js with Express. It builds and starts as it
// is; the job endpoints answer 501 until you implement them. Read ../brief.md for what the grader
// checks.
//
// Environment: DATA_DIR is the only writable directory that survives a restart; UPSTREAM_URL is the
// payments provider's base address. Node.js 20 has fetch() built in for calling it.
'use strict';

const express = require('express');

const dataDir = process.env.DATA_DIR || '/data';
const upstreamUrl = process.env.UPSTREAM_URL || 'http://localhost:9000';

const app = express();
// For JSON request bodies, app.use(express.json()) parses them (and answers 400 to a malformed one).

const notImplemented = (req, res) => res.status(501).end();

app.get('/health/live', (req, res) => res.json({ status: 'alive' }));
app.get('/health/ready', (req, res) => res.json({ status: 'ready' }));

app.post('/jobs', notImplemented);
app.get('/jobs', notImplemented);
app.get('/jobs/:id', notImplemented);
app.get('/dead-letters', notImplemented);

const port = Number(process.env.PORT) || 8080;
const server = app.listen(port, '0.0.0.0', () => console.log(`listening on :${port}, data in ${dataDir}, provider at ${upstreamUrl}`));

// The grader stops the service with SIGTERM: take no new connections, let the requests in flight
// finish, then exit 0 (a process that ignores the signal is killed and exits 143). A job accepted
// but not yet carried out must already be in DATA_DIR by then: a kill -9 gives no warning at all.
function shutdown() {
  server.close(() => process.exit(0));
  setTimeout(() => process.exit(1), 10_000).unref();
}
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);

// Starter kit for the Price Lookup challenge, in Node.js with Express. It builds and starts as it
// is; the price endpoints answer 501 until you implement them. Read ../brief.md for what the
// grader checks.
//
// Environment: UPSTREAM_URL is the pricing upstream's base address (http://upstream:8080 when graded).
// Node.js 20 has fetch() built in for calling it.
'use strict';

const express = require('express');

const upstreamUrl = process.env.UPSTREAM_URL || 'http://localhost:9000';

const app = express();
// For JSON request bodies, app.use(express.json()) parses them (and answers 400 to a malformed one).

const notImplemented = (req, res) => res.status(501).end();

app.get('/health/live', (req, res) => res.json({ status: 'live' }));
app.get('/health/ready', (req, res) => res.json({ status: 'ready' }));

app.get('/prices/:sku', notImplemented);
app.post('/invalidations', notImplemented);

const port = Number(process.env.PORT) || 8080;
const server = app.listen(port, '0.0.0.0', () => console.log(`listening on :${port}, upstream at ${upstreamUrl}`));

// The grader stops the service with SIGTERM: take no new connections, let the requests in flight
// finish, then exit 0 (a process that ignores the signal is killed and exits 143).
function shutdown() {
  server.close(() => process.exit(0));
  setTimeout(() => process.exit(1), 10_000).unref();
}
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);

// Starter kit for the Catalog API challenge, in Node.js with Express. It builds and starts as it
// is; the product endpoints answer 501 until you implement them. Read ../brief.md for what the
// grader checks.
'use strict';

const express = require('express');

const app = express();
// For JSON request bodies, app.use(express.json()) parses them (and answers 400 to a malformed one).

const notImplemented = (req, res) => res.status(501).end();

app.get('/health', (req, res) => res.json({ status: 'ok' }));

app.post('/products', notImplemented);
app.get('/products', notImplemented);
app.get('/products/:id', notImplemented);
app.delete('/products/:id', notImplemented);

const port = Number(process.env.PORT) || 8080;
const server = app.listen(port, '0.0.0.0', () => console.log(`listening on :${port}`));

// The grader stops the service with SIGTERM: take no new connections, let the requests in flight
// finish, then exit 0 (a process that ignores the signal is killed and exits 143).
function shutdown() {
  server.close(() => process.exit(0));
  setTimeout(() => process.exit(1), 10_000).unref();
}
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);

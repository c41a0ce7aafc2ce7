// The server the abuse corpus runs against, under node (to record what node does) and packed.
// It answers every request with 200 after reading its body, and counts requests by the
// client's port: `GET /__count?port=N` (not counted) tells how many requests a connection
// from port N carried, so a request smuggled inside another one shows as an extra count.
// `GET /big` streams 4 MiB, for clients that vanish mid-response. Prints its port once up.
'use strict';
const http = require('http');

const seen = new Map();

function countOf(url) {
  const port = new URL(url, 'http://x').searchParams.get('port');
  return String(seen.get(port) || 0);
}

function streamBig(res) {
  const chunk = Buffer.alloc(64 * 1024, 'x');
  let left = 64;
  const more = () => {
    while (left > 0) {
      left -= 1;
      if (!res.write(chunk)) return res.once('drain', more);
    }
    res.end();
  };
  more();
}

const server = http.createServer(
  // Short limits so slow clients are cut off within the test's time; the checking interval
  // is how often node looks for expired requests.
  { headersTimeout: 1000, requestTimeout: 2000, connectionsCheckingInterval: 100 },
  (req, res) => {
    if (req.url.startsWith('/__count')) {
      res.end(countOf(req.url));
      return;
    }
    const port = String(req.socket.remotePort);
    seen.set(port, (seen.get(port) || 0) + 1);
    if (req.url === '/big') {
      streamBig(res);
      return;
    }
    let length = 0;
    req.on('data', (chunk) => (length += chunk.length));
    req.on('end', () => res.end(`len=${length}`));
  },
);
// No 'clientError' listener: what node does by default (400, 408, 431 or a reset) is under test.
server.listen(0, '127.0.0.1', () => console.log(`listening on ${server.address().port}`));

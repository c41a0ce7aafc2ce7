// A plain http JSON API: reads request bodies as streams, answers JSON, 404s and 405s.
// Listens on the port given as the first argument (0: any) and prints it.
const http = require('http');

const notes = [];

function send(res, status, value) {
  const body = JSON.stringify(value);
  res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) });
  res.end(body);
}

function readJson(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', () => {
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
      } catch (error) {
        reject(error);
      }
    });
    req.on('error', reject);
  });
}

// HEADERS_TIMEOUT_MS lets a test see a client that never finishes its headers cut off quickly.
const server = http.createServer({ headersTimeout: Number(process.env.HEADERS_TIMEOUT_MS) || 60000 }, async (req, res) => {
  const url = new URL(req.url, `http://${req.headers.host}`);
  if (url.pathname !== '/notes') return send(res, 404, { error: 'not found' });
  if (req.method === 'GET') return send(res, 200, { notes, count: notes.length });
  if (req.method !== 'POST') {
    res.setHeader('Allow', 'GET, POST');
    return send(res, 405, { error: 'method not allowed' });
  }
  try {
    const note = await readJson(req);
    notes.push(note);
    send(res, 201, { stored: note, count: notes.length });
  } catch {
    send(res, 400, { error: 'invalid JSON' });
  }
});

server.listen(Number(process.argv[2] || 0), '127.0.0.1', () => {
  console.log(`listening on ${server.address().port}`);
});

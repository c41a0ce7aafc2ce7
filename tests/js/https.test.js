// https: a server and client over TLS with a test CA; certificate checks and their errors.
'use strict';
const fs = require('fs');
const path = require('path');
const https = require('https');

const tls = (name) => fs.readFileSync(path.join(__dirname, 'tls', name));
const log = (...values) => console.log(...values);

function get(options) {
  return new Promise((resolve) => {
    const req = https.get(options, (res) => {
      const encrypted = res.socket.encrypted;
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode, text, encrypted }));
    });
    req.on('error', (error) => resolve({ error: error.code }));
  });
}

const server = https.createServer({ cert: tls('cert.pem'), key: tls('key.pem') }, (req, res) => {
  res.end(`secure=${Boolean(req.socket.encrypted)} ${req.method} ${req.url}`);
});

server.listen(0, '127.0.0.1', async () => {
  const { port } = server.address();
  log('trusted CA, by name:', JSON.stringify(await get({ host: 'localhost', port, path: '/a', ca: tls('ca.pem') })));
  log('trusted CA, by IP:', JSON.stringify(await get({ host: '127.0.0.1', port, path: '/b', ca: tls('ca.pem') })));
  log('unknown CA:', JSON.stringify(await get({ host: 'localhost', port, path: '/c' })));
  log('rejectUnauthorized false:', JSON.stringify(await get({ host: 'localhost', port, path: '/d', rejectUnauthorized: false })));
  log('wrong name:', JSON.stringify(await get({ host: '127.0.0.1', port, path: '/e', ca: tls('ca.pem'), servername: 'example.com' })));
  log(https.globalAgent.protocol, https.globalAgent.defaultPort, new https.Server({ cert: tls('cert.pem'), key: tls('key.pem') }) instanceof require('http').Server);
  server.close(() => log('closed'));
});

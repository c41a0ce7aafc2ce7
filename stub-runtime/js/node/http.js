// `http`: the server on hyper (internal/http/server.js) and the shared tables and checks.
'use strict';
const { STATUS_CODES, METHODS, validateHeaderName, validateHeaderValue } = require('internal/http/common');
const { IncomingMessage } = require('internal/http/incoming');
const { OutgoingMessage } = require('internal/http/outgoing');
const { Server, ServerResponse } = require('internal/http/server');

function createServer(options, requestListener) {
  return new Server(options, requestListener);
}

module.exports = {
  METHODS: [...METHODS],
  STATUS_CODES,
  IncomingMessage,
  OutgoingMessage,
  Server,
  ServerResponse,
  createServer,
  maxHeaderSize: 16 * 1024,
  validateHeaderName,
  validateHeaderValue,
  setMaxIdleHTTPParsers() {},
};

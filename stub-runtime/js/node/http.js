// `http`: server and client on hyper (internal/http/server.js and client.js), and the tables
// and checks they share.
'use strict';
const { STATUS_CODES, METHODS, validateHeaderName, validateHeaderValue } = require('internal/http/common');
const { IncomingMessage } = require('internal/http/incoming');
const { OutgoingMessage } = require('internal/http/outgoing');
const { Server, ServerResponse } = require('internal/http/server');
const { Agent, ClientRequest, globalAgent, request, get } = require('internal/http/client');

function createServer(options, requestListener) {
  return new Server(options, requestListener);
}

module.exports = {
  METHODS: [...METHODS],
  Agent,
  ClientRequest,
  globalAgent,
  request,
  get,
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

#!/usr/bin/env node
// A minimal language server over stdio (JSON-RPC 2.0 with Content-Length framing), standing in for
// `node dist/cli.js lsp --stdio` while the real one is being written. It answers initialize, hover and
// definition, and publishes one diagnostic per opened/changed document, so that the Neovim harness
// (init.lua + test.lua) can be proven end to end. Logs to stderr.
'use strict';

const DIAGNOSTIC_WORD = 'motie';
const HOVER_TEXT = 'hello kamerwijzer';
const docs = new Map(); // uri -> text

function send(msg) {
  const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...msg }), 'utf8');
  process.stdout.write(`Content-Length: ${body.length}\r\n\r\n`);
  process.stdout.write(body);
}

function log(s) {
  process.stderr.write(`[fakeServer] ${s}\n`);
}

/** LSP position (UTF-16 code units) of a string offset. */
function positionAt(text, offset) {
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  const character = offset - (before.lastIndexOf('\n') + 1);
  return { line, character };
}

function publishDiagnostics(uri) {
  const text = docs.get(uri) ?? '';
  const i = text.indexOf(DIAGNOSTIC_WORD);
  const diagnostics =
    i < 0
      ? []
      : [
          {
            range: { start: positionAt(text, i), end: positionAt(text, i + DIAGNOSTIC_WORD.length) },
            severity: 2,
            source: 'fake-kamerwijzer',
            code: 'KW000',
            message: `fake: ${DIAGNOSTIC_WORD} gevonden`,
          },
        ];
  send({ method: 'textDocument/publishDiagnostics', params: { uri, diagnostics } });
}

function handle(msg) {
  const { id, method, params } = msg;
  const isRequest = id !== undefined && method !== undefined;
  switch (method) {
    case 'initialize':
      return send({
        id,
        result: {
          capabilities: {
            textDocumentSync: { openClose: true, change: 1 }, // full sync
            hoverProvider: true,
            definitionProvider: true,
          },
          serverInfo: { name: 'kamerwijzer-fake', version: '0.0.1' },
        },
      });
    case 'initialized':
      return;
    case 'textDocument/didOpen':
      docs.set(params.textDocument.uri, params.textDocument.text);
      return publishDiagnostics(params.textDocument.uri);
    case 'textDocument/didChange':
      docs.set(params.textDocument.uri, params.contentChanges[params.contentChanges.length - 1].text);
      return publishDiagnostics(params.textDocument.uri);
    case 'textDocument/didClose':
      docs.delete(params.textDocument.uri);
      return;
    case 'textDocument/hover': {
      const { line, character } = params.position;
      return send({
        id,
        result: {
          contents: { kind: 'markdown', value: `**${HOVER_TEXT}** (${line}:${character})` },
        },
      });
    }
    case 'textDocument/definition':
      // The start of the same document.
      return send({
        id,
        result: [
          {
            uri: params.textDocument.uri,
            range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } },
          },
        ],
      });
    case 'shutdown':
      return send({ id, result: null });
    case 'exit':
      log('exit');
      return process.exit(0);
    default:
      if (isRequest) send({ id, error: { code: -32601, message: `method not found: ${method}` } });
  }
}

let buffer = Buffer.alloc(0);
process.stdin.on('data', (chunk) => {
  buffer = Buffer.concat([buffer, chunk]);
  for (;;) {
    const headerEnd = buffer.indexOf('\r\n\r\n');
    if (headerEnd < 0) return;
    const header = buffer.slice(0, headerEnd).toString('ascii');
    const m = /Content-Length: *(\d+)/i.exec(header);
    if (!m) {
      log(`bad header: ${header}`);
      buffer = buffer.slice(headerEnd + 4);
      continue;
    }
    const len = Number(m[1]);
    if (buffer.length < headerEnd + 4 + len) return;
    const body = buffer.slice(headerEnd + 4, headerEnd + 4 + len).toString('utf8');
    buffer = buffer.slice(headerEnd + 4 + len);
    let msg;
    try {
      msg = JSON.parse(body);
    } catch (e) {
      log(`bad JSON: ${e.message}`);
      continue;
    }
    log(`<- ${msg.method ?? `response ${msg.id}`}`);
    handle(msg);
  }
});
process.stdin.on('end', () => process.exit(0));
log(`started (pid ${process.pid}, node ${process.version})`);

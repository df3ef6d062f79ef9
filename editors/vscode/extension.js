// Starts `tradelint lsp` for .trl files (docs/editors.md).
'use strict';

const vscode = require('vscode');
const {LanguageClient} = require('vscode-languageclient/node');

let client;

function activate(context) {
  const command = vscode.workspace.getConfiguration('tradelint').get('path') || 'tradelint';
  const server = {command, args: ['lsp']};
  client = new LanguageClient('tradelint', 'tradelint', {run: server, debug: server}, {
    documentSelector: [{language: 'tradelint'}],
  });
  context.subscriptions.push(client);
  return client.start();
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = {activate, deactivate};

// A whole editing session against `tradelint lsp`, driven by Microsoft's LSP client
// libraries (vscode-jsonrpc and vscode-languageserver-protocol, pinned in tests/node).
//
//   node tests/lsp/lsp_session.js <tradelint binary> [<node_modules folder>]
//
// Opens a ruleset that imports another one from its folder, makes a typo (a diagnostic with
// its code appears, at the right UTF-16 column after non-ASCII text) and fixes it (cleared);
// asks hover, completion, go to definition, document symbols and formatting; sends bad requests (answered
// with JSON-RPC errors); shuts down (exit status 0). Exits 77 (skipped) when the client
// libraries are not installed.
'use strict';

const assert = require('assert');
const childProcess = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const {createRequire} = require('module');

const binary = process.argv[2];
const nodeModules = process.argv[3] || path.join(__dirname, '..', 'node', 'node_modules');
if (!fs.existsSync(path.join(nodeModules, 'vscode-languageserver-protocol'))) {
  console.log(`skipped: the LSP client libraries are not in ${nodeModules} ` +
              '(tools/install-deps.sh installs them)');
  process.exit(77);
}
// vscode-languageserver-protocol brings the vscode-jsonrpc it is built on (its own copy when
// versions differ), whose connection must carry its message types: take both from it.
const requireClient = createRequire(path.join(nodeModules, 'noop.js'));
const protocol = requireClient('vscode-languageserver-protocol/node');

const COMMON = `ruleset lsptest.common {
  title        "LSP session: shared definitions"
  jurisdiction EU
}

def for_consumers = "consumer" in offer.audience
const PRICE_LIMIT = EUR 150
`;

const MAIN = `ruleset lsptest.main {
  title        "LSP session: the document edited"
  jurisdiction DE
  effective    2025-01-01
}

import lsptest.common

set TOY_WORDS = ["toy", "plush"]

rule title_present "A title is given" {
  ref         "LSP-1"
  applies to  listing
  domain      consumer_protection
  severity    error
  cite        "Test Act, Art. 1"
  when        for_consumers
  when        "Größe 😀" != title
  unless      title in TOY_WORDS
  require     present(title) and convert(offer.price, EUR) <= PRICE_LIMIT
  message     "give a title"
}
`;

// The position of the `occurrence`-th `needle` in `text` (LSP counts UTF-16 units, as do
// JavaScript strings), plus `shift` characters.
function positionOf(text, needle, occurrence = 1, shift = 0) {
  let index = -1;
  for (let i = 0; i < occurrence; i++) {
    index = text.indexOf(needle, index + 1);
    assert.notStrictEqual(index, -1, `no ${needle} in the text`);
  }
  const before = text.slice(0, index);
  const line = before.split('\n').length - 1;
  return {line, character: index - (before.lastIndexOf('\n') + 1) + shift};
}

function labels(list) {
  return (Array.isArray(list) ? list : list.items).map((item) => item.label);
}

async function main() {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'tradelint-lsp-'));
  fs.writeFileSync(path.join(folder, 'common.trl'), COMMON);
  fs.writeFileSync(path.join(folder, 'main.trl'), MAIN);  // the editor's buffer differs below
  const uri = 'file://' + path.join(folder, 'main.trl');
  const commonUri = 'file://' + path.join(folder, 'common.trl');

  const server = childProcess.spawn(binary, ['lsp'], {stdio: ['pipe', 'pipe', 'inherit']});
  const exited = new Promise((resolve) => server.on('exit', (code) => resolve(code)));
  const connection = protocol.createProtocolConnection(
      new protocol.StreamMessageReader(server.stdout), new protocol.StreamMessageWriter(server.stdin));
  // Diagnostics by document version, as they are published.
  const published = new Map();
  const waiting = new Map();
  connection.onNotification(protocol.PublishDiagnosticsNotification.type, (params) => {
    if (params.uri !== uri) return;
    published.set(params.version, params.diagnostics);
    if (waiting.has(params.version)) waiting.get(params.version)(params.diagnostics);
  });
  const diagnosticsOf = (version) => published.has(version)
      ? Promise.resolve(published.get(version))
      : new Promise((resolve) => waiting.set(version, resolve));
  connection.listen();

  const initialized = await connection.sendRequest(protocol.InitializeRequest.type, {
    processId: process.pid, rootUri: 'file://' + folder, capabilities: {}, workspaceFolders: null});
  const capabilities = initialized.capabilities;
  assert.strictEqual(capabilities.textDocumentSync.change, protocol.TextDocumentSyncKind.Incremental);
  for (const provider of ['hoverProvider', 'definitionProvider', 'documentSymbolProvider']) {
    assert.ok(capabilities[provider], provider);
  }
  assert.ok(capabilities.completionProvider.triggerCharacters.includes('.'));
  await connection.sendNotification(protocol.InitializedNotification.type, {});
  console.log(`initialized: ${initialized.serverInfo.name} ${initialized.serverInfo.version}`);

  // Open: no diagnostics.
  let text = MAIN;
  await connection.sendNotification(protocol.DidOpenTextDocumentNotification.type,
      {textDocument: {uri, languageId: 'tradelint', version: 1, text}});
  assert.deepStrictEqual(await diagnosticsOf(1), [], 'the document opens clean');

  // A typo after non-ASCII text on its line (incremental change): an error with its code, at
  // the typo's UTF-16 column.
  const typo = positionOf(text, '!= title', 1, 3);  // after `"Größe 😀"` on its line
  await connection.sendNotification(protocol.DidChangeTextDocumentNotification.type, {
    textDocument: {uri, version: 2},
    contentChanges: [{range: {start: typo, end: {line: typo.line, character: typo.character + 5}},
                      text: 'titel'}]});
  text = text.replace('!= title', '!= titel');
  const errors = await diagnosticsOf(2);
  assert.strictEqual(errors.length, 1, JSON.stringify(errors));
  assert.strictEqual(errors[0].code, 'unknown_field');
  assert.strictEqual(errors[0].severity, protocol.DiagnosticSeverity.Error);
  assert.strictEqual(errors[0].source, 'tradelint');
  assert.deepStrictEqual(errors[0].range,
      {start: typo, end: {line: typo.line, character: typo.character + 5}});
  assert.match(errors[0].message, /titel/);
  console.log(`typo: ${errors[0].code} at ${typo.line + 1}:${typo.character + 1}: ` +
              errors[0].message.split('\n')[0]);

  // Fixed (a whole-text change): cleared.
  text = MAIN;
  await connection.sendNotification(protocol.DidChangeTextDocumentNotification.type,
      {textDocument: {uri, version: 3}, contentChanges: [{text}]});
  assert.deepStrictEqual(await diagnosticsOf(3), [], 'the fix clears the diagnostic');
  console.log('fixed: diagnostics cleared');

  // Hover.
  const hover = async (needle, occurrence = 1, shift = 1) => {
    const answer = await connection.sendRequest(protocol.HoverRequest.type,
        {textDocument: {uri}, position: positionOf(text, needle, occurrence, shift)});
    assert.ok(answer, `a hover on ${needle}`);
    return answer.contents.value;
  };
  const price = await hover('price');
  assert.match(price, /`offer\.price`\*\* · money/);
  assert.match(price, /listing field/);
  const audience = await hover('for_consumers');
  assert.match(audience, /def for_consumers = "consumer" in offer.audience/);
  assert.match(audience, /From `lsptest.common`/);
  const convert = await hover('convert');
  assert.match(convert, /convert\(/);
  const rule = await hover('title_present');
  assert.match(rule, /Cites: Test Act, Art\. 1/);
  assert.match(rule, /In force: 2025-01-01 to open/);
  const market = await hover('DE');
  assert.match(market, /a country/);
  console.log('hover: field type and guide text, def, function signature, rule citation and ' +
              'dates, market');

  // Completion, on a line being typed (the text does not parse meanwhile).
  const complete = async (line, needle = line) => {
    const typed = text.replace('  message     "give a title"',
                               `  message     "give a title"\n  ${line}`);
    await connection.sendNotification(protocol.DidChangeTextDocumentNotification.type,
        {textDocument: {uri, version: 4}, contentChanges: [{text: typed}]});
    const position = positionOf(typed, needle, 1, needle.length);
    return labels(await connection.sendRequest(protocol.CompletionRequest.type,
                                               {textDocument: {uri}, position}));
  };
  const fields = await complete('unless offer.');
  assert.ok(fields.includes('price') && fields.includes('audience'), fields.join(' '));
  const enums = await complete('unless status == "');
  assert.deepStrictEqual(enums, ['draft', 'active', 'inactive', 'removed']);
  const codes = await complete('unless market in [D');
  for (const code of ['DE', 'EU', 'EUR', 'PRICE_LIMIT', 'TOY_WORDS']) {
    assert.ok(codes.includes(code), code);
  }
  const words = await complete('unless pres');
  for (const word of ['present', 'product', 'for_consumers', 'contains_word']) {
    assert.ok(words.includes(word), word);
  }
  const rulesets = await complete('import ');
  assert.ok(rulesets.includes('eu.common') && rulesets.includes('lsptest.common'));
  const rules = await complete('override ');
  assert.ok(rules.includes('eu.gpsr.manufacturer_contact'), rules.slice(0, 5).join(' '));
  const element = await complete('require any w in product.warnings: w.');
  assert.ok(element.includes('language'), element.join(' '));
  console.log('completion: fields, enum values, codes and constants, functions and defs, ' +
              'rulesets, rules, a quantifier variable\'s fields');
  await connection.sendNotification(protocol.DidChangeTextDocumentNotification.type,
      {textDocument: {uri, version: 5}, contentChanges: [{text}]});

  // Go to definition.
  const definition = async (needle, occurrence = 1) => {
    const answer = await connection.sendRequest(protocol.DefinitionRequest.type,
        {textDocument: {uri}, position: positionOf(text, needle, occurrence, 1)});
    assert.ok(answer, `a definition of ${needle}`);
    return answer;
  };
  assert.deepStrictEqual(await definition('for_consumers'), {uri: commonUri, range: {
    start: positionOf(COMMON, 'for_consumers'), end: positionOf(COMMON, 'for_consumers', 1, 13)}});
  assert.strictEqual((await definition('PRICE_LIMIT')).uri, commonUri);
  assert.deepStrictEqual((await definition('TOY_WORDS', 2)).range.start,
                         positionOf(text, 'TOY_WORDS'));
  assert.deepStrictEqual(await definition('lsptest.common'), {uri: commonUri, range: {
    start: positionOf(COMMON, 'lsptest.common'),
    end: positionOf(COMMON, 'lsptest.common', 1, 14)}});
  console.log('definition: an imported def and const, a local set, an import');

  // Document symbols.
  const symbols = await connection.sendRequest(protocol.DocumentSymbolRequest.type,
                                               {textDocument: {uri}});
  assert.strictEqual(symbols.length, 1);
  assert.strictEqual(symbols[0].name, 'lsptest.main');
  assert.strictEqual(symbols[0].kind, protocol.SymbolKind.Namespace);
  assert.deepStrictEqual(symbols[0].children.map((symbol) => symbol.name),
                         ['TOY_WORDS', 'title_present']);
  console.log('symbols: ' + symbols[0].children.map((s) => s.name).join(', '));

  // Formatting: a disturbed layout comes back as one edit to the canonical one, which then
  // needs no edit; a text that does not parse is not formatted.
  const disturbed = text.replace(/\n  /g, '\n      ').replace(/ +\n/g, '\n');
  await connection.sendNotification(protocol.DidChangeTextDocumentNotification.type,
      {textDocument: {uri, version: 6}, contentChanges: [{text: disturbed}]});
  const format = () => connection.sendRequest(protocol.DocumentFormattingRequest.type,
      {textDocument: {uri}, options: {tabSize: 2, insertSpaces: true}});
  const edits = await format();
  assert.strictEqual(edits.length, 1, JSON.stringify(edits));
  const formatted = edits[0].newText;
  assert.ok(formatted.includes('ruleset lsptest.main'), formatted);
  assert.notStrictEqual(formatted, disturbed);
  await connection.sendNotification(protocol.DidChangeTextDocumentNotification.type,
      {textDocument: {uri, version: 7}, contentChanges: [{text: formatted}]});
  assert.deepStrictEqual(await format(), [], 'the canonical layout needs no edit');
  await connection.sendNotification(protocol.DidChangeTextDocumentNotification.type,
      {textDocument: {uri, version: 8}, contentChanges: [{text: formatted + '\nrule {'}]});
  assert.strictEqual(await format(), null, 'a text that does not parse is not formatted');
  console.log('formatting: one edit to the canonical layout, then none; none for a broken text');

  // Bad requests get JSON-RPC errors; the server carries on.
  await assert.rejects(connection.sendRequest('textDocument/hover', {textDocument: {}}),
                       (error) => error.code === protocol.ErrorCodes.InvalidParams);
  await assert.rejects(connection.sendRequest('tradelint/nonsense', {}),
                       (error) => error.code === protocol.ErrorCodes.MethodNotFound);
  console.log('bad requests: InvalidParams, MethodNotFound');

  await connection.sendRequest(protocol.ShutdownRequest.type);
  await connection.sendNotification(protocol.ExitNotification.type);
  assert.strictEqual(await exited, 0, 'exit status after shutdown and exit');
  connection.dispose();
  fs.rmSync(folder, {recursive: true});
  console.log('shutdown: exit status 0');
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

// The VS Code extension of editors/vscode is well formed: its manifest names files that exist,
// its grammars are JSON whose rules all resolve, and the main grammar's patterns compile and
// highlight a sample line as they should.
//
//   node tests/lsp/check_vscode_extension.js editors/vscode
'use strict';

const assert = require('assert');
const fs = require('fs');
const path = require('path');

const folder = process.argv[2];
const manifest = JSON.parse(fs.readFileSync(path.join(folder, 'package.json'), 'utf8'));
assert.ok(fs.existsSync(path.join(folder, manifest.main)), manifest.main);
const language = manifest.contributes.languages[0];
assert.deepStrictEqual(language.extensions, ['.trl']);
assert.ok(fs.existsSync(path.join(folder, language.configuration)));
JSON.parse(fs.readFileSync(path.join(folder, language.configuration), 'utf8'));
assert.match(fs.readFileSync(path.join(folder, manifest.main), 'utf8'),
             /args: \['lsp'\][\s\S]*language: 'tradelint'/);

const grammars = {};
for (const grammar of manifest.contributes.grammars) {
  const file = path.join(folder, grammar.path);
  grammars[grammar.scopeName] = JSON.parse(fs.readFileSync(file, 'utf8'));
  assert.strictEqual(grammars[grammar.scopeName].scopeName, grammar.scopeName, grammar.path);
}

// Every `include` names a rule of the grammar's repository, or another contributed grammar.
function includes(node, found = []) {
  if (Array.isArray(node)) node.forEach((item) => includes(item, found));
  else if (node && typeof node === 'object') {
    if (typeof node.include === 'string') found.push(node.include);
    Object.values(node).forEach((value) => includes(value, found));
  }
  return found;
}
for (const [scope, grammar] of Object.entries(grammars)) {
  for (const include of includes(grammar)) {
    if (include.startsWith('#')) {
      assert.ok(grammar.repository[include.slice(1)], `${scope}: ${include}`);
    } else {
      assert.ok(grammars[include], `${scope}: ${include}`);
    }
  }
}

// The main grammar uses only what JavaScript's regular expressions share with Oniguruma:
// each compiles, and the top-level patterns classify a sample as expected.
const main = grammars['source.trl'];
function patterns(node, found = []) {
  if (Array.isArray(node)) node.forEach((item) => patterns(item, found));
  else if (node && typeof node === 'object') {
    for (const key of ['match', 'begin', 'end']) {
      if (typeof node[key] === 'string') found.push(node[key]);
    }
    Object.values(node).forEach((value) => patterns(value, found));
  }
  return found;
}
for (const pattern of patterns(main)) new RegExp(pattern, 'm');
const expression = main.repository.expression.patterns;
const scopeOf = (text) => {
  for (const rule of expression) {
    if (rule.include || !rule.match) continue;
    const match = new RegExp('^(?:' + rule.match + ')', 'm').exec(text);
    if (match) return rule.name || rule.captures[1].name;
  }
  return null;
};
assert.strictEqual(scopeOf('2024-12-13'), 'constant.numeric.date.trl');
assert.strictEqual(scopeOf('EUR 150'), 'support.constant.currency.trl');
assert.strictEqual(scopeOf('30 days'), 'constant.numeric.trl');
assert.strictEqual(scopeOf('convert(offer.price, EUR)'), 'entity.name.function.call.trl');
assert.strictEqual(scopeOf('US-CA'), 'constant.other.trl');
assert.strictEqual(scopeOf('and'), 'keyword.operator.word.trl');
assert.strictEqual(scopeOf('offer'), 'variable.other.field.trl');
console.log(`vscode extension: ${Object.keys(grammars).length} grammars, ` +
            `${patterns(main).length} patterns compile`);

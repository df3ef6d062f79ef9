// The seller's page of `tradelint serve` (docs/server.md, "The web page"). Plain DOM, no
// framework, no inline script or style (the page's Content-Security-Policy forbids both):
// everything the page shows is built with textContent, never innerHTML, so record data
// cannot inject markup.
'use strict';

const $ = (id) => document.getElementById(id);
let lastRequest = null;  // {body, query} of the last check, for the downloads

function element(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

function selectedMarkets() {
  return $('markets').value.split(',').map((m) => m.trim().toUpperCase()).filter(Boolean);
}

function selectedCategories() {
  return [...document.querySelectorAll('#categories input:checked')].map((box) => box.value);
}

async function getJson(path) {
  const response = await fetch(path, {headers: {Accept: 'application/json'}});
  const body = await response.json();
  if (!response.ok) throw new Error(body.error ? body.error.message : response.statusText);
  return body;
}

async function loadChoices() {
  try {
    const markets = await getJson('/v1/markets');
    for (const market of markets.markets) {
      const option = element('option');
      option.value = market.code;
      option.label = market.code + ' (' + market.form + ')';
      $('market-list').append(option);
    }
    const categories = await getJson('/v1/categories');
    for (const category of categories.categories) {
      const label = element('label');
      const box = element('input');
      box.type = 'checkbox';
      box.value = category;
      box.name = 'category';
      label.append(box, ' ' + category.replace(/_/g, ' '));
      $('categories').append(label);
    }
  } catch (error) {
    $('form-error').textContent = 'Could not load the markets: ' + error.message;
  }
}

function showMode() {
  const build = document.querySelector('input[name=mode]:checked').value === 'build';
  $('paste-panel').hidden = build;
  $('build-panel').hidden = !build;
}

// One form control for a field of the guide, by its type and allowed values.
function fieldControl(field, id) {
  if (field.values && field.values.length) {
    const select = element('select');
    select.append(element('option', '(not stated)'));
    select.firstChild.value = '';
    for (const value of field.values) select.append(element('option', value));
    select.id = id;
    return select;
  }
  const input = element('input');
  input.id = id;
  if (field.type === 'number' || field.type === 'decimal' || field.type === 'integer') {
    input.type = 'text';
    input.inputMode = 'decimal';
  } else if (field.type === 'date') {
    input.type = 'date';
  }
  return input;
}

async function loadFields() {
  const query = new URLSearchParams({kind: 'listing', market: selectedMarkets().join(',')});
  const categories = selectedCategories();
  if (categories.length) query.set('category', categories.join(','));
  if ($('as-of').value) query.set('as_of', $('as-of').value);
  $('fields-status').textContent = 'Loading the fields…';
  try {
    const guide = await getJson('/v1/fields?' + query);
    const container = $('fields');
    container.replaceChildren();
    guide.fields.forEach((field, index) => {
      const id = 'field-' + index;
      const label = element('label', field.path);
      label.htmlFor = id;
      const control = fieldControl(field, id);
      control.dataset.path = field.path;
      control.dataset.type = field.type || 'string';
      const help = element('p', (field.guide || '') + ' (read by ' + field.rules.join(', ') + ')',
                           'field-guide');
      help.id = id + '-help';
      control.setAttribute('aria-describedby', help.id);
      container.append(label, control, help);
    });
    $('fields-status').textContent = guide.fields.length + ' fields that the rules in force read.';
    const first = container.querySelector('input, select');
    if (first) first.focus();
  } catch (error) {
    $('fields-status').textContent = 'Could not load the fields: ' + error.message;
  }
}

// Sets `value` at a field path as rules write it: `a.b`, `list[*].c` (the first element),
// `list[]` (a list of one value).
function setPath(record, path, value) {
  const parts = path.split('.');
  let node = record;
  parts.forEach((part, i) => {
    const last = i === parts.length - 1;
    const list = part.match(/^(.*)\[(\*|\d*)\]$/);
    if (list) {
      const key = list[1];
      node[key] = node[key] || [];
      if (last) {
        node[key].push(value);
        return;
      }
      node[key][0] = node[key][0] || {};
      node = node[key][0];
    } else if (last) {
      node[part] = value;
    } else {
      node[part] = node[part] || {};
      node = node[part];
    }
  });
}

function typed(control) {
  const text = control.value.trim();
  if (control.dataset.type === 'number' || control.dataset.type === 'decimal' ||
      control.dataset.type === 'integer') {
    const number = Number(text);
    return Number.isNaN(number) ? text : number;
  }
  if (control.dataset.type === 'boolean') return text === 'true';
  return text;
}

function builtRecord() {
  const record = {kind: 'listing', id: $('listing-id').value.trim() || 'my-listing-1',
                  target_markets: selectedMarkets()};
  const categories = selectedCategories();
  if (categories.length) record.product = {regulated_as: categories};
  for (const control of $('fields').querySelectorAll('[data-path]')) {
    if (control.value.trim() === '') continue;
    setPath(record, control.dataset.path, typed(control));
  }
  return JSON.stringify(record);
}

function checkQuery(format) {
  const query = new URLSearchParams();
  const markets = selectedMarkets();
  if (markets.length) query.set('market', markets.join(','));
  if ($('as-of').value) query.set('as_of', $('as-of').value);
  query.set('lang', $('lang').value);
  if (format) query.set('format', format);
  return query;
}

async function postCheck(body, query) {
  return fetch('/v1/check?' + query, {
    method: 'POST', body,
    headers: {'Content-Type': 'application/json', Accept: 'application/json'},
  });
}

function showReport(report) {
  const verdicts = $('verdicts');
  const todo = $('todo');
  const findings = $('findings');
  verdicts.replaceChildren();
  todo.replaceChildren();
  findings.replaceChildren();
  const missing = new Set();
  for (const result of report.results) {
    const line = element('p');
    const name = (result.record.id || result.record.source) + ' in ' + (result.market || 'no market');
    line.append(name + ': ', element('span', result.verdict.replace('_', ' '),
                                     'verdict verdict-' + result.verdict));
    if (result.error) line.append(' (' + result.error.code + ': ' + result.error.message + ')');
    for (const note of result.notes || []) line.append(element('br'), note);
    verdicts.append(line);
    for (const finding of result.findings) {
      for (const path of finding.missing || []) missing.add(path);
      const box = element('article', undefined, 'finding finding-' + finding.severity);
      box.append(element('h4', finding.severity + ': ' + finding.title + ' (' + result.market + ')'));
      box.append(element('p', finding.message));
      box.append(element('p', finding.citation, 'law'));
      if (finding.fix) box.append(element('p', 'Fix: ' + finding.fix));
      if (finding.paths && finding.paths.length) box.append(element('p', 'Fields: ' + finding.paths.join(', ')));
      findings.append(box);
    }
  }
  for (const path of missing) todo.append(element('li', 'Fill in ' + path));
  if (!missing.size) todo.append(element('li', 'Nothing to fill in.'));
  if (!findings.childElementCount) findings.append(element('p', 'No findings.'));
  $('results').hidden = false;
  $('results-heading').focus();
}

async function submitCheck(event) {
  event.preventDefault();
  $('form-error').textContent = '';
  const build = document.querySelector('input[name=mode]:checked').value === 'build';
  const body = build ? builtRecord() : $('listing').value;
  if (!body.trim()) {
    $('form-error').textContent = 'Paste a listing, upload a file, or build one first.';
    return;
  }
  const query = checkQuery();
  try {
    const response = await postCheck(body, query);
    const answer = await response.json();
    if (!response.ok) {
      $('form-error').textContent = answer.error.code + ': ' + answer.error.message;
      return;
    }
    lastRequest = {body};
    showReport(answer);
  } catch (error) {
    $('form-error').textContent = 'The check failed: ' + error.message;
  }
}

async function download(event) {
  const format = event.target.dataset.format;
  if (!lastRequest) return;
  const response = await postCheck(lastRequest.body, checkQuery(format));
  if (!response.ok) {
    const answer = await response.json();
    $('download-status').textContent = format.toUpperCase() + ' is not available: ' +
                                       answer.error.message;
    return;
  }
  const blob = await response.blob();
  const link = element('a');
  link.href = URL.createObjectURL(blob);
  link.download = 'tradelint-report.' + (format === 'sarif' ? 'sarif' : format);
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10000);
  $('download-status').textContent = 'Downloaded ' + link.download + '.';
}

function readUpload() {
  const file = $('upload').files[0];
  if (!file) return;
  file.text().then((text) => { $('listing').value = text; });
}

document.addEventListener('DOMContentLoaded', () => {
  $('as-of').value = new Date().toISOString().slice(0, 10);
  for (const radio of document.querySelectorAll('input[name=mode]')) {
    radio.addEventListener('change', showMode);
  }
  $('load-fields').addEventListener('click', loadFields);
  $('upload').addEventListener('change', readUpload);
  $('check-form').addEventListener('submit', submitCheck);
  for (const button of document.querySelectorAll('.download')) {
    button.addEventListener('click', download);
  }
  loadChoices();
});

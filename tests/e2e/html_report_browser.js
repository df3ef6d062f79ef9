// html_report: `check --format html` in a real browser (Debian's chromium, headless, driven by
// playwright-core from tests/node). The report of two records and the report of 1,050 records
// each render with no console error and no request leaving the page; the overview, the charts
// and the records are there; the market, severity and verdict filters and the search box hide
// what they should; the large report holds 1,000 records in detail and lists the others' ids.
// Screenshots go to OUTPUT_DIR (test artefacts).
//
// Usage: node html_report_browser.js TRADELINT NODE_MODULES OUTPUT_DIR
// Exit 77 (skipped) when chromium or playwright-core is not installed.
'use strict';

const assert = require('assert');
const childProcess = require('child_process');
const fs = require('fs');
const path = require('path');

const [tradelint, nodeModules, outputDir] = process.argv.slice(2);
const chromiumPath = '/usr/bin/chromium';
const draft = path.join(__dirname, 'data', 'seller_first_draft.json');

function skip(reason) {
  console.log(`SKIPPED: ${reason}`);
  process.exit(77);
}

// Writes the HTML report of `inputs` (more arguments for `check` first) to `file`.
function report(file, args, input) {
  const run = childProcess.spawnSync(
      tradelint, ['check', '--as-of', '2026-12-05', '--format', 'html', '--output', file, ...args],
      {input, encoding: 'utf-8', maxBuffer: 1 << 26});
  assert.ok(run.status === 0 || run.status === 1, `check exited ${run.status}: ${run.stderr}`);
  return fs.readFileSync(file, 'utf-8');
}

// Opens `file`, failing on any console error, page error or request that leaves the file.
async function open(browser, file) {
  const page = await browser.newPage({viewport: {width: 1280, height: 900}});
  const problems = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('request', (request) => {
    if (!request.url().startsWith('file:')) problems.push(`request: ${request.url()}`);
  });
  await page.goto('file://' + file);
  return {page, problems};
}

async function visibleRecords(page) {
  return page.$$eval('details.record', (records) =>
    records.filter((record) => !record.classList.contains('hidden')).length);
}

async function main() {
  if (!fs.existsSync(chromiumPath)) skip(`${chromiumPath} is absent (apt-get install chromium)`);
  let chromium;
  try {
    ({chromium} = require(path.join(nodeModules, 'playwright-core')));
  } catch (error) {
    skip(`playwright-core is not installed in ${nodeModules} (run tools/install-deps.sh)`);
  }
  fs.mkdirSync(outputDir, {recursive: true});
  const browser = await chromium.launch({executablePath: chromiumPath, args: ['--no-sandbox']});
  try {
    // One record for DE, FR, US and GB, plus a hostile one: its id is markup.
    const hostile = JSON.stringify({
      kind: 'listing', id: '<img src=x onerror="window.owned=1">', target_markets: ['DE'],
      title: '<script>window.owned=1</script>'});
    const small = path.join(outputDir, 'html_report_small.html');
    const html = report(small, [draft, '-'], hostile + '\n');
    assert.ok(!html.includes('<img src=x'), 'record data is escaped');
    let {page, problems} = await open(browser, small);
    assert.strictEqual(await page.evaluate(() => window.owned), undefined);
    assert.strictEqual(await page.$$eval('details.record', (r) => r.length), 2);
    assert.strictEqual(await page.$$eval('#charts svg', (svgs) => svgs.length), 4);
    assert.ok((await page.$$eval('#charts rect', (rects) => rects.length)) > 5, 'bars are drawn');
    assert.ok((await page.textContent('#overview')).includes('PLUSH-BEAR-01'));
    // A finding DE and FR share is shown once, under both.
    const shared = await page.$$eval('details#r0 .finding', (findings) =>
      findings.filter((f) => f.textContent.includes('Manufacturer identity and contact')).map(
          (f) => f.dataset.markets));
    assert.deepStrictEqual(shared, ['DE FR']);
    await page.screenshot({path: path.join(outputDir, 'html_report_small.png')});

    // Filters: US shows only the US findings; warnings only records with warnings; search.
    await page.selectOption('#f-market', 'US');
    assert.strictEqual(await visibleRecords(page), 1);
    const usMarkets = await page.$$eval('details#r0 .finding:not(.hidden)',
                                        (findings) => findings.map((f) => f.dataset.markets));
    assert.ok(usMarkets.length > 0 && usMarkets.every((m) => m.split(' ').includes('US')), usMarkets);
    await page.selectOption('#f-market', '');
    await page.selectOption('#f-severity', 'warning');
    assert.ok(await page.$$eval('details#r0 .finding:not(.hidden)',
                                (findings) => findings.every((f) => f.classList.contains('warning'))));
    await page.selectOption('#f-severity', '');
    await page.selectOption('#f-verdict', 'pass');
    assert.strictEqual(await visibleRecords(page), 0);
    await page.selectOption('#f-verdict', '');
    await page.fill('#f-search', 'onerror');
    await page.waitForFunction(() =>
      document.querySelectorAll('details.record:not(.hidden)').length === 1);
    assert.ok((await page.textContent('details.record:not(.hidden) summary')).includes('<img'));
    await page.screenshot({path: path.join(outputDir, 'html_report_filtered.png')});
    assert.deepStrictEqual(problems, []);
    await page.close();

    // 1,050 records: 1,000 in detail, the other ids in the list, search finds them.
    const record = JSON.parse(fs.readFileSync(draft, 'utf-8'));
    let lines = '';
    for (let i = 0; i < 1050; ++i) lines += JSON.stringify({...record, id: `BULK-${i}`}) + '\n';
    const large = path.join(outputDir, 'html_report_large.html');
    report(large, ['-'], lines);
    ({page, problems} = await open(browser, large));
    assert.strictEqual(await page.$$eval('details.record', (r) => r.length), 1000);
    const more = await page.textContent('#more-ids');
    assert.ok(more.includes('BULK-1000 DE:fail FR:fail US:fail GB:fail') && more.includes('BULK-1049'));
    assert.ok((await page.textContent('#overview')).includes('1050 records'));
    await page.fill('#f-search', 'bulk-104');
    await page.waitForFunction(() =>
      document.querySelectorAll('details.record:not(.hidden)').length === 1);  // BULK-104
    assert.match(await page.textContent('#f-status'), /: 10$/);  // BULK-1040 to BULK-1049
    await page.screenshot({path: path.join(outputDir, 'html_report_large.png')});
    assert.deepStrictEqual(problems, []);
    await page.close();
  } finally {
    await browser.close();
  }
  console.log('html_report: ok');
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

// The seller's page of `tradelint serve` in headless Chromium (docs/server.md, "The web
// page"): it loads with no Content-Security-Policy violation and no request outside the
// server; a pasted listing is checked with the keyboard alone and its verdict, to-do list and
// findings (with law) are shown; a listing built in the generated form is checked; the JSON
// report downloads. Screenshots go to SCREENSHOT_DIR.
//
// Usage: node check_page.mjs BASE_URL NODE_MODULES SCREENSHOT_DIR LISTING_JSON_FILE
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const [base, nodeModules, screenshots, listingFile] = process.argv.slice(2);
const { chromium } = await import(
  pathToFileURL(path.join(nodeModules, 'playwright-core/index.mjs')).href);

let failures = 0;
function expect(condition, message) {
  if (!condition) {
    console.error('FAIL: ' + message);
    failures += 1;
  }
}

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const context = await browser.newContext({ acceptDownloads: true });
const page = await context.newPage();
const problems = [];
page.on('console', (message) => {
  if (message.type() === 'error') problems.push(message.text());
});
page.on('pageerror', (error) => problems.push(error.message));
page.on('request', (request) => {
  if (!request.url().startsWith(base) && !request.url().startsWith('blob:')) {
    problems.push('request outside the server: ' + request.url());
  }
});

await page.goto(base + '/');
await page.waitForSelector('#categories input', { state: 'attached' });
await page.screenshot({ path: path.join(screenshots, 'page-loaded.png'), fullPage: true });

// Paste a listing and check it with the keyboard only.
await page.fill('#markets', 'DE');
await page.fill('#as-of', '2025-03-01');
await page.fill('#listing', fs.readFileSync(listingFile, 'utf8'));
await page.focus('#listing');
await page.keyboard.press('Tab');  // the upload control
await page.keyboard.press('Tab');  // the build mode's hidden panel is skipped: the Check button
const focused = await page.evaluate(() => document.activeElement.id);
expect(focused === 'check', 'Tab from the listing reaches the Check button, not ' + focused);
await page.keyboard.press('Enter');
await page.waitForSelector('#results:not([hidden])');
const verdicts = await page.textContent('#verdicts');
expect(/in DE: (fail|warn|pass)/.test(verdicts), 'a verdict for DE: ' + verdicts);
const findings = await page.$$eval('#findings article', (nodes) => nodes.map((n) => n.textContent));
expect(findings.length > 0, 'findings are shown');
expect(findings.some((text) => /Regulation|Directive|Gesetz|Art\.|§/.test(text)),
       'a finding names its law: ' + findings[0]);
const todo = await page.$$eval('#todo li', (nodes) => nodes.map((n) => n.textContent));
expect(todo.length > 0, 'a to-do list is shown');
const headingFocused = await page.evaluate(() => document.activeElement.id);
expect(headingFocused === 'results-heading', 'focus moves to the results');
await page.screenshot({ path: path.join(screenshots, 'page-pasted-results.png'), fullPage: true });

// Download the JSON report.
const [download] = await Promise.all([page.waitForEvent('download'),
                                      page.click('button[data-format=json]')]);
const downloaded = JSON.parse(fs.readFileSync(await download.path(), 'utf8'));
expect(Array.isArray(downloaded.results) && downloaded.results.length > 0,
       'the downloaded JSON report has results');
const [sarif] = await Promise.all([page.waitForEvent('download'),
                                   page.click('button[data-format=sarif]')]);
expect(JSON.parse(fs.readFileSync(await sarif.path(), 'utf8')).version === '2.1.0',
       'the downloaded SARIF log is SARIF 2.1.0');

// Build a listing field by field from the form the rules generate.
await page.check('input[name=mode][value=build]');
await page.check('#categories input[value=toy]');
await page.click('#load-fields');
await page.waitForSelector('#fields [data-path]');
const paths = await page.$$eval('#fields [data-path]', (nodes) => nodes.map((n) => n.dataset.path));
expect(paths.length > 0, 'the form has fields');
if (paths.includes('title')) await page.fill('#fields [data-path="title"]', 'Wooden blocks');
await page.click('#check');
await page.waitForFunction(() => document.querySelector('#verdicts').textContent.includes('my-listing-1'));
const builtTodo = await page.$$eval('#todo li', (nodes) => nodes.map((n) => n.textContent));
expect(builtTodo.some((text) => text.startsWith('Fill in ')), 'the built listing has fields to fill');
await page.screenshot({ path: path.join(screenshots, 'page-built-results.png'), fullPage: true });

expect(problems.length === 0, 'no console errors or CSP violations: ' + problems.join('; '));
await browser.close();
console.log(`page: ${findings.length} findings, ${todo.length} to-dos, ${paths.length} form fields; ${failures} failures`);
process.exit(failures ? 1 : 0);

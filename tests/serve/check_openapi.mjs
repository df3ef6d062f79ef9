// The OpenAPI document of a running `tradelint serve` (docs/server.md) is valid OpenAPI 3.1
// (@seriousme/openapi-schema-validator), and every example in it holds against the server:
// each request example is sent, and the answer has the status of the response example of
// the same name (and, for JSON, at least the example's top-level members); each parameter
// example is sent to its operation, which must answer 2xx.
//
// Every request carries the API key KEY (the server runs with keys, so that the admin route
// answers too).
//
// Usage: node check_openapi.mjs BASE_URL NODE_MODULES KEY
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const [base, nodeModules, key] = process.argv.slice(2);
const { Validator } = await import(
  pathToFileURL(path.join(nodeModules, '@seriousme/openapi-schema-validator/index.js')).href);

let failures = 0;
function fail(message) {
  console.error('FAIL: ' + message);
  failures += 1;
}

const documentResponse = await fetch(base + '/v1/openapi.json');  // needs no key
const document = await documentResponse.json();
const validator = new Validator();
const validity = await validator.validate(document);
if (!validity.valid) fail('not valid OpenAPI: ' + JSON.stringify(validity.errors, null, 2));
if (!document.openapi.startsWith('3.1')) fail('openapi is ' + document.openapi + ', not 3.1');

let exercised = 0;
for (const [route, item] of Object.entries(document.paths)) {
  for (const [method, operation] of Object.entries(item)) {
    // Parameter examples: all of them together on one request.
    const query = new URLSearchParams();
    for (const parameter of operation.parameters || []) {
      if (parameter.in === 'query' && parameter.example !== undefined &&
          !(route === '/v1/check' && parameter.name === 'format')) {
        query.set(parameter.name, parameter.example);
      }
    }
    const requestExamples = [];
    for (const [mediaType, media] of Object.entries(operation.requestBody?.content || {})) {
      for (const [name, example] of Object.entries(media.examples || {})) {
        const body = typeof example.value === 'string' ? example.value : JSON.stringify(example.value);
        requestExamples.push({ name, mediaType, body });
      }
    }
    if (requestExamples.length === 0) requestExamples.push({ name: null, mediaType: null, body: undefined });
    for (const example of requestExamples) {
      const url = base + route + (query.size ? '?' + query : '');
      const headers = { Authorization: 'Bearer ' + key };
      if (example.mediaType) headers['Content-Type'] = example.mediaType;
      const answer = await fetch(url, { method: method.toUpperCase(), headers, body: example.body });
      const text = await answer.text();
      exercised += 1;
      // The response example of the same name says the status; without one, the first 2xx
      // example's.
      let expected = null;
      let expectedValue;
      for (const [status, response] of Object.entries(operation.responses)) {
        for (const [mediaType, media] of Object.entries(response.content || {})) {
          for (const [name, responseExample] of Object.entries(media.examples || {})) {
            if (name === example.name || (example.name === null && expected === null && status.startsWith('2'))) {
              expected = Number(status);
              expectedValue = mediaType.includes('json') ? responseExample.value : undefined;
            }
          }
        }
      }
      if (expected === null) expected = 200;
      const label = `${method.toUpperCase()} ${route} ${example.name ?? '(parameters)'}`;
      if (answer.status !== expected) {
        fail(`${label}: status ${answer.status}, the document says ${expected}: ${text.slice(0, 300)}`);
        continue;
      }
      if (expectedValue && typeof expectedValue === 'object' && !Array.isArray(expectedValue)) {
        const got = JSON.parse(text);
        for (const key of Object.keys(expectedValue)) {
          if (!(key in got)) fail(`${label}: the answer has no \`${key}\`, the example has`);
        }
      }
    }
  }
}
console.log(`openapi: valid ${document.openapi}; ${exercised} example requests exercised; ${failures} failures`);
process.exit(failures ? 1 : 0);

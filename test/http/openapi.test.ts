import { Validator } from '@seriousme/openapi-schema-validator';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { routeTable } from '../../src/access';
import { testApp } from '../helpers/test-app';

describe('API documentation', () => {
  it('serves an OpenAPI 3.1 document that passes the 3.1 schema validator', async () => {
    const { app } = testApp();
    const response = await app.request('/openapi.json');
    expect(response.status).toBe(200);
    const document = (await response.json()) as { openapi: string; paths: Record<string, unknown> };
    expect(document.openapi).toBe('3.1.0');
    const validator = new Validator();
    const result = await validator.validate(document);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
  });

  it('documents for every operation its action, its roles and its error answers', async () => {
    const { app } = testApp();
    const document = (await (await app.request('/openapi.json')).json()) as {
      paths: Record<
        string,
        Record<
          string,
          { 'x-action'?: string; description?: string; responses: Record<string, unknown> }
        >
      >;
    };
    const operations = Object.entries(document.paths).flatMap(([path, item]) =>
      Object.entries(item).map(([method, op]) => ({ path, method, op })),
    );
    expect(operations.length).toBeGreaterThan(5);
    for (const { path, method, op } of operations) {
      expect(op['x-action'], `${method} ${path}`).toBeTypeOf('string');
      expect(op.description, `${method} ${path}`).toMatch(/Public|Requires one of the roles/);
      if (op['x-action'] !== 'public')
        expect(Object.keys(op.responses), `${method} ${path}`).toEqual(
          expect.arrayContaining(['401', '403']),
        );
    }
  });

  it('renders the interactive reference at /docs with its assets served locally', async () => {
    const { app } = testApp();
    const page = await app.request('/docs');
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('SwaggerUIBundle');
    expect(html).toContain("url: '/openapi.json'");
    for (const asset of [
      'swagger-ui.css',
      'swagger-ui-bundle.js',
      'swagger-ui-standalone-preset.js',
    ]) {
      const response = await app.request(`/docs/assets/${asset}`);
      expect(response.status, asset).toBe(200);
      expect((await response.arrayBuffer()).byteLength, asset).toBeGreaterThan(1000);
    }
    expect((await app.request('/docs/assets/..%2Fpackage.json')).status).toBe(404);
  });

  it('knows the file that declares every route, and that file names the route (npm run routes)', async () => {
    const { app } = testApp();
    const document = (await (await app.request('/openapi.json')).json()) as {
      paths: Record<string, Record<string, unknown>>;
    };
    const routes = routeTable(app);
    const operations = Object.entries(document.paths).flatMap(([path, item]) =>
      Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(routes.map((route) => `${route.method} ${route.path}`)).toEqual(operations);
    for (const { method, path, source } of routes) {
      const file = resolve(import.meta.dirname, '../..', source);
      expect(existsSync(file), `${method} ${path} → ${source}`).toBe(true);
      const literal = path
        .split('/')
        .filter((segment) => segment !== '' && !segment.startsWith('{'))
        .at(-1);
      if (literal !== undefined)
        expect(readFileSync(file, 'utf8'), `${method} ${path} → ${source}`).toContain(literal);
    }
  });
});

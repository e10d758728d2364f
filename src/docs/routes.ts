// Mounted at /docs (src/app.ts).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Hono } from 'hono';
import type { AppEnv } from '../shared';

// Swagger UI is served from the installed package, not a CDN: the reference must work offline and
// on networks that block third-party scripts.
const swaggerUiDir = dirname(
  createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'),
);
const assets: Record<string, string> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
  'swagger-ui-standalone-preset.js': 'text/javascript; charset=utf-8',
};

const page = `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Debt portfolio platform · API reference</title>
  <link rel="stylesheet" href="/docs/assets/swagger-ui.css">
</head>
<body>
  <div id="swagger-ui"></div>
  <script src="/docs/assets/swagger-ui-bundle.js"></script>
  <script src="/docs/assets/swagger-ui-standalone-preset.js"></script>
  <script>
    window.ui = SwaggerUIBundle({
      url: '/openapi.json',
      dom_id: '#swagger-ui',
      presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
      layout: 'StandaloneLayout',
      persistAuthorization: true,
    });
  </script>
</body>
</html>`;

/** The interactive API reference (Swagger UI) over `/openapi.json`. Public, like the document itself. */
export const docs = new Hono<AppEnv>()
  .get('/', (c) => c.html(page))
  .get('/assets/:file', (c) => {
    const type = assets[c.req.param('file')];
    if (!type) return c.notFound();
    c.header('Cache-Control', 'public, max-age=86400');
    return c.body(readFileSync(join(swaggerUiDir, c.req.param('file'))), 200, {
      'Content-Type': type,
    });
  });

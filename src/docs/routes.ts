// Mounted at /docs (src/app.ts).
import { randomBytes } from 'node:crypto';
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

/**
 * The page's CSP: scripts only from this server plus the page's own init script, by a nonce new for
 * every answer; styles from here (Swagger UI also sets style attributes, hence 'unsafe-inline' for
 * styles only); images from here or inline data (its icons); fetches only of this server (the
 * document); never framed.
 */
function contentSecurityPolicy(nonce: string): string {
  return [
    "default-src 'none'",
    `script-src 'self' 'nonce-${nonce}'`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

const page = (nonce: string) => `<!doctype html>
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
  <script nonce="${nonce}">
    window.ui = SwaggerUIBundle({
      url: '/openapi.json',
      dom_id: '#swagger-ui',
      presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
      layout: 'StandaloneLayout',
      persistAuthorization: true,
      // No badge from validator.swagger.io: the page loads nothing from elsewhere (see the CSP).
      validatorUrl: null,
    });
  </script>
</body>
</html>`;

/** The interactive API reference (Swagger UI) over `/openapi.json`. Public, like the document itself. */
export const docs = new Hono<AppEnv>()
  .get('/', (c) => {
    const nonce = randomBytes(16).toString('base64');
    c.header('Content-Security-Policy', contentSecurityPolicy(nonce));
    return c.html(page(nonce));
  })
  .get('/assets/:file', (c) => {
    const type = assets[c.req.param('file')];
    if (!type) return c.notFound();
    c.header('Cache-Control', 'public, max-age=86400');
    return c.body(readFileSync(join(swaggerUiDir, c.req.param('file'))), 200, {
      'Content-Type': type,
    });
  });

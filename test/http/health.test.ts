import { describe, expect, it } from 'vitest';
import { testApp } from '../helpers/test-app';

describe('GET /health', () => {
  it('answers ok with the database reachable and a request id', async () => {
    const { app } = testApp();
    const response = await app.request('/health');
    expect(response.status).toBe(200);
    expect(response.headers.get('X-Request-Id')).toMatch(/.+/);
    expect(await response.json()).toEqual({
      status: 'ok',
      database: 'ok',
      time: '2026-06-30T09:00:00.000Z',
    });
  });
});

describe('errors', () => {
  it('answers an unknown route with a JSON problem 404', async () => {
    const { app } = testApp();
    const response = await app.request('/nowhere');
    expect(response.status).toBe(404);
    expect(response.headers.get('Content-Type')).toBe('application/problem+json');
    expect(await response.json()).toMatchObject({
      status: 404,
      title: 'Not found',
      type: expect.stringContaining('not_found'),
    });
  });

  it('refuses a JSON body over the size limit with 413', async () => {
    const { app } = testApp({ config: { jsonBodyLimitBytes: 100 } });
    const response = await app.request('/health', {
      method: 'POST',
      body: 'x'.repeat(1000),
      headers: { 'Content-Type': 'application/json' },
    });
    expect(response.status).toBe(413);
    expect(response.headers.get('Content-Type')).toBe('application/problem+json');
  });
});

import { describe, expect, it } from 'vitest';
import { withoutLinkSecrets } from './request-log.js';

describe('request log', () => {
  it('keeps the id of a public link and drops its secret', () => {
    const id = '0190f5a0-0000-7000-8000-00000000000a';
    const secret = 'AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-abcde';
    expect(withoutLinkSecrets(`/api/v1/p/o/${id}.${secret}`)).toBe(`/api/v1/p/o/${id}.…`);
    expect(withoutLinkSecrets(`/p/o/${id}.${secret}?lang=en`)).toBe(`/p/o/${id}.…?lang=en`);
    expect(withoutLinkSecrets('/api/v1/companies/x/customers')).toBe('/api/v1/companies/x/customers');
  });
});

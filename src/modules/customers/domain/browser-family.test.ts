import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { browserFamilies, browserFamily } from './browser-family.js';

describe('browser family of a customer link view', () => {
  it('names the common browsers, also those that claim to be Chrome and Safari', () => {
    expect(browserFamily('Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0')).toBe('Firefox');
    expect(browserFamily('Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36')).toBe('Chrome');
    expect(browserFamily('Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36 Edg/126.0.2592.87')).toBe('Edge');
    expect(browserFamily('Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1')).toBe('Safari');
    expect(browserFamily('Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/25.0 Chrome/121.0.0.0 Mobile Safari/537.36')).toBe('Samsung Internet');
    expect(browserFamily('Mozilla/5.0 (Windows NT 10.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36 OPR/111.0.0.0')).toBe('Opera');
    expect(browserFamily('Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0.0.0 Safari/537.36')).toBe('Chrome');
    expect(browserFamily('curl/8.5.0')).toBe('other');
    expect(browserFamily(undefined)).toBe('other');
  });

  it('answers one of the listed families for any header, never a piece of it', () => {
    fc.assert(fc.property(fc.string({ maxLength: 300 }), (ua) => {
      expect(browserFamilies).toContain(browserFamily(ua));
    }));
  });
});

import { describe, expect, it } from 'vitest';
import { headerRules, headersFile, isHashedAsset, ruleMatches } from './immutable-assets.ts';

describe('isHashedAsset', () => {
  it('takes the build’s content-hashed files, at the root or under a base path', () => {
    expect(isHashedAsset('/assets/index-DomrF1q-.css')).toBe(true);
    expect(isHashedAsset('/assets/decodeEventLog-CyQ-QxPO.js')).toBe(true);
    expect(isHashedAsset('/ipfs/bafy/assets/governance-calls-ZJNCz-R4.js')).toBe(true);
  });
  it('leaves what can change under the same name to revalidate', () => {
    expect(isHashedAsset('/')).toBe(false);
    expect(isHashedAsset('/index.html')).toBe(false);
    expect(isHashedAsset('/config.json')).toBe(false);
    expect(isHashedAsset('/history/31337/titles.json')).toBe(false);
    expect(isHashedAsset('/airdrop/season-1/manifest.json')).toBe(false);
    expect(isHashedAsset('/assets/logo.svg')).toBe(false);
  });
});

describe('the host headers', () => {
  const rules = headerRules({ safeAppOrigins: ['https://app.safe.global', 'http://127.0.0.1:4175/'] });
  const at = (path: string) =>
    Object.assign({}, ...rules.filter((r) => ruleMatches(r, path)).map((r) => r.headers)) as Record<string, string>;

  it('lets only the configured Safe{Wallet} origins frame any page', () => {
    expect(at('/')['Content-Security-Policy']).toBe(
      "frame-ancestors 'self' https://app.safe.global http://127.0.0.1:4175",
    );
    expect(headerRules({})[0].headers['Content-Security-Policy']).toBe(
      "frame-ancestors 'self' https://app.safe.global",
    );
  });

  it('refuses a Safe origin that is not https (but for loopback)', () => {
    expect(() => headerRules({ safeAppOrigins: ['http://evil.example'] })).toThrow('must be an https origin');
  });

  it('serves the Safe App manifest to other origins, and only it', () => {
    expect(at('/manifest.json')['Access-Control-Allow-Origin']).toBe('*');
    expect(at('/ipfs/bafy/manifest.json')['Access-Control-Allow-Origin']).toBe('*');
    expect(at('/config.json')['Access-Control-Allow-Origin']).toBeUndefined();
  });

  it('writes the same rules as a _headers file', () => {
    const file = headersFile(rules);
    expect(file).toContain("/*\n  Content-Security-Policy: frame-ancestors 'self' https://app.safe.global");
    expect(file).toContain('/assets/*\n  Cache-Control: public, max-age=31536000, immutable\n');
    expect(file).toContain('/manifest.json\n  Access-Control-Allow-Origin: *\n');
  });
});

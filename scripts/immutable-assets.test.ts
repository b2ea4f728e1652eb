import { describe, expect, it } from 'vitest';
import { isHashedAsset } from './immutable-assets.ts';

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

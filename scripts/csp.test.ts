import { describe, expect, it } from 'vitest';
import { buildCsp } from './csp.ts';

describe('buildCsp', () => {
  const csp = buildCsp({
    chains: [
      { rpcUrls: ['http://127.0.0.1:8545'] },
      { rpcUrls: ['https://eth.drpc.org/', 'https://rpc.example/key/abc'] },
    ],
    metadataOrigins: ['https://meta.example'],
  });
  it('allows no inline script and no eval', () => {
    expect(csp).toContain("script-src 'self';");
    expect(csp).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline/);
    expect(csp).toContain("object-src 'none'");
  });
  it('connects only to the configured RPC and metadata origins and WalletConnect', () => {
    const connect = csp.split('; ').find((d) => d.startsWith('connect-src'))!;
    expect(connect.split(' ').slice(1, 5)).toEqual([
      "'self'",
      'http://127.0.0.1:8545',
      'https://eth.drpc.org',
      'https://rpc.example',
    ]);
    expect(connect).toContain('https://meta.example');
    expect(connect).not.toMatch(/ https: | \* /);
  });
});

import { describe, expect, it } from 'vitest';
import { buildCsp } from './csp.ts';

const directive = (csp: string, name: string) => csp.split('; ').find((d) => d.startsWith(`${name} `))!;

describe('buildCsp', () => {
  const config = {
    chains: [
      { rpcUrls: ['http://127.0.0.1:8545'] },
      {
        rpcUrls: ['https://eth.drpc.org/', 'https://rpc.example/key/abc'],
        safeTransactionService: 'https://safe-transaction-mainnet.safe.global',
      },
    ],
    metadataOrigins: ['https://meta.example'],
  };
  const csp = buildCsp(config);
  it('allows no inline script and no eval', () => {
    expect(csp).toContain("script-src 'self';");
    expect(csp).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline/);
    expect(csp).toContain("object-src 'none'");
  });
  it('connects only to the configured RPC, Safe Transaction Service and metadata origins', () => {
    expect(directive(csp, 'connect-src').split(' ').slice(1)).toEqual([
      "'self'",
      'http://127.0.0.1:8545',
      'https://eth.drpc.org',
      'https://rpc.example',
      'https://safe-transaction-mainnet.safe.global',
      'https://meta.example',
    ]);
  });
  it('without a WalletConnect project id, names no wallet vendor, font host or image wildcard', () => {
    expect(csp).not.toMatch(/walletconnect|reown|web3modal|fonts\./);
    expect(directive(csp, 'img-src')).toBe("img-src 'self' data: https://meta.example");
    expect(directive(csp, 'font-src')).toBe("font-src 'self' data:");
    expect(directive(csp, 'frame-src')).toBe("frame-src 'none'");
  });
  it("admits WalletConnect's relay and verify frames once the deployer configures a project id", () => {
    const wc = buildCsp({ ...config, walletConnectProjectId: 'abc123' });
    expect(directive(wc, 'connect-src')).toContain('wss://*.walletconnect.org');
    expect(directive(wc, 'frame-src')).toContain('https://verify.walletconnect.org');
    expect(directive(wc, 'font-src')).toBe("font-src 'self' data:");
  });
  it('admits any https RPC only where the deployer lets people add their own', () => {
    expect(directive(csp, 'connect-src')).not.toContain(' https: ');
    const open = buildCsp({ ...config, allowUserRpcs: true });
    expect(directive(open, 'connect-src').split(' ')).toContain('https:');
    expect(directive(open, 'script-src')).toBe("script-src 'self'");
  });
});

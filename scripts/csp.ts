/**
 * The Content-Security-Policy written into the built index.html. No inline script and no eval;
 * connections only to the RPCs in public/config.json, the metadata hosts it allows, and
 * WalletConnect. Built from the config at build time, so changing an RPC means rebuilding.
 * Styles allow 'unsafe-inline' because the wallet modal's web components set inline styles; no
 * chain text is ever rendered as markup, so there is nothing to inject them into.
 */
import { readFileSync } from 'node:fs';
import type { Plugin } from 'vite';

const WALLETCONNECT = [
  'https://*.walletconnect.org',
  'wss://*.walletconnect.org',
  'https://*.walletconnect.com',
  'wss://*.walletconnect.com',
  'https://*.reown.com',
  'wss://*.reown.com',
  'https://api.web3modal.org',
];

export function buildCsp(config: { chains: { rpcUrls: string[] }[]; metadataOrigins?: string[] }): string {
  const origins = new Set<string>();
  for (const chain of config.chains) for (const url of chain.rpcUrls) origins.add(new URL(url).origin);
  for (const origin of config.metadataOrigins ?? []) origins.add(new URL(origin).origin);
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: https:",
    "font-src 'self' data: https://fonts.reown.com",
    `connect-src 'self' ${[...origins, ...WALLETCONNECT].join(' ')}`,
    'frame-src https://verify.walletconnect.org https://verify.walletconnect.com https://secure.walletconnect.org',
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
  ].join('; ');
}

export function contentSecurityPolicy(configFile: string): Plugin {
  return {
    name: 'content-security-policy',
    apply: 'build',
    transformIndexHtml(html) {
      const csp = buildCsp(JSON.parse(readFileSync(configFile, 'utf8')));
      return html.replace('<head>', `<head>\n    <meta http-equiv="Content-Security-Policy" content="${csp}" />`);
    },
  };
}

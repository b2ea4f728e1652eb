/**
 * The Content-Security-Policy written into the built index.html. No inline script and no eval;
 * connections, images and frames only to origins the deployer chose in public/config.json: its RPCs,
 * the metadata hosts it allows, and WalletConnect's relay and modal only when a WalletConnect project
 * id is configured. Built from the config at build time, so changing an RPC means rebuilding. RPCs a
 * person adds on the Network page are reachable only where the deployer set `allowUserRpcs`, which
 * widens connect-src to any https origin (the app still checks each one's chain before using it).
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

const WALLETCONNECT_FRAMES = [
  'https://verify.walletconnect.org',
  'https://verify.walletconnect.com',
  'https://secure.walletconnect.org',
];

export interface CspConfig {
  chains: { rpcUrls: string[]; safeTransactionService?: string }[];
  metadataOrigins?: string[];
  walletConnectProjectId?: string;
  /** Lets people add RPCs of their own: connect-src admits any https origin. */
  allowUserRpcs?: boolean;
}

export function buildCsp(config: CspConfig): string {
  const rpcs = new Set<string>();
  for (const chain of config.chains) {
    for (const url of chain.rpcUrls) rpcs.add(new URL(url).origin);
    if (chain.safeTransactionService) rpcs.add(new URL(chain.safeTransactionService).origin);
  }
  const metadata = new Set((config.metadataOrigins ?? []).map((origin) => new URL(origin).origin));
  const walletConnect = !!config.walletConnectProjectId;
  const list = (...groups: Iterable<string>[]) => groups.flatMap((g) => [...g]).join(' ');
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    // Wallet icons arrive as data: URIs; operator logos and proposal images only from allowed hosts.
    `img-src ${list(["'self'", 'data:'], metadata, walletConnect ? ['https:'] : [])}`,
    "font-src 'self' data:",
    `connect-src ${list(["'self'"], rpcs, metadata, walletConnect ? WALLETCONNECT : [], config.allowUserRpcs ? ['https:'] : [])}`,
    `frame-src ${walletConnect ? WALLETCONNECT_FRAMES.join(' ') : "'none'"}`,
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

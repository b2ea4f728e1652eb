/**
 * Running inside Safe{Wallet} as a Safe App. Loaded only when the page is in a frame, so the first
 * page outside a Safe never carries the SDK. The host is asked which Safe it shows (Safe's Apps SDK,
 * answering only the configured Safe{Wallet} origins); when it answers, the Safe is announced as an
 * EIP-6963 wallet, which the app connects at once, with no modal. Every write then goes through the
 * SDK: a transaction, or a batch as one Safe transaction, answered with its Safe transaction hash,
 * which the app follows through its owners' confirmations as it does for any Safe.
 */
import SafeAppsSDK from '@safe-global/safe-apps-sdk';
import { SafeAppProvider } from '@safe-global/safe-apps-provider';
import * as m from '../i18n/messages.ts';

/** The EIP-6963 id the Safe App wallet is announced under. */
export const SAFE_APP_RDNS = 'global.safe.app';

const ICON =
  'data:image/svg+xml,' +
  encodeURIComponent(
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#12ff80"/><path d="M9 16h14M16 9v14" stroke="#121312" stroke-width="3"/></svg>',
  );

/** The origins to trust: https ones, and loopback http (a local Safe{Wallet}, the e2e host page). */
export function safeOrigins(origins: readonly string[]): string[] {
  return origins.flatMap((origin) => {
    try {
      const url = new URL(origin);
      const local = url.protocol === 'http:' && /^(127\.0\.0\.1|localhost)$/.test(url.hostname);
      return url.protocol === 'https:' || local ? [url.origin] : [];
    } catch {
      return [];
    }
  });
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Asks the framing page, if it is one of `origins`, for its Safe; announces that Safe as a wallet
 * and returns its EIP-6963 id, or undefined when no Safe{Wallet} answers within `timeoutMs`.
 */
export async function joinSafeHost(origins: readonly string[], timeoutMs = 2_000): Promise<string | undefined> {
  const sdk = new SafeAppsSDK({ allowedDomains: safeOrigins(origins).map((o) => new RegExp(`^${escapeRegExp(o)}$`)) });
  const info = await Promise.race([
    sdk.safe.getInfo().catch(() => undefined),
    new Promise<undefined>((resolve) => setTimeout(resolve, timeoutMs)),
  ]);
  if (!info?.safeAddress) return undefined;
  const safe = new SafeAppProvider(info, sdk);
  // What wagmi's injected connector asks and the SDK's provider does not answer itself.
  const provider = {
    request: async ({ method, params }: { method: string; params?: unknown[] }) => {
      if (method === 'eth_requestAccounts') return safe.request({ method: 'eth_accounts' });
      if (method === 'wallet_switchEthereumChain') {
        const wanted = Number((params?.[0] as { chainId?: string } | undefined)?.chainId);
        if (wanted === info.chainId) return null;
        // Not 4902 (which has a wallet add the chain): the Safe is where it is.
        throw Object.assign(new Error(m.errors_safe_app_wrong_chain({ chainId: info.chainId })), { code: 4901 });
      }
      try {
        return await safe.request({ method, params } as never);
      } catch (error) {
        // Safe{Wallet} says a rejection in words, with no code: it is the user's "no" (EIP-1193's 4001).
        if (/reject/i.test((error as Error)?.message ?? ''))
          throw Object.assign(new Error(m.errors_safe_app_rejected()), { code: 4001 });
        throw error;
      }
    },
    on: (event: string, listener: (...args: unknown[]) => void) => (safe.on(event, listener), provider),
    removeListener: (event: string, listener: (...args: unknown[]) => void) => (
      safe.removeListener(event, listener),
      provider
    ),
  };
  const uuid = crypto.randomUUID();
  const announce = () =>
    window.dispatchEvent(
      new CustomEvent('eip6963:announceProvider', {
        detail: Object.freeze({
          info: { uuid, name: 'Safe{Wallet}', icon: ICON, rdns: SAFE_APP_RDNS },
          provider,
        }),
      }),
    );
  window.addEventListener('eip6963:requestProvider', announce);
  announce();
  return SAFE_APP_RDNS;
}

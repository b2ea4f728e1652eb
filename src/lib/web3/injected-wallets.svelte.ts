/**
 * The wallets this browser injects, found without loading wagmi: EIP-6963 announcements, and a legacy
 * `window.ethereum` that announces nothing (many mobile wallets' in-app browsers). Connect offers these
 * directly, so inside a wallet's browser one tap connects and the wallet modal never loads.
 */
import * as m from '../i18n/messages.ts';
import { cleanText, clip } from '../format/clean-text.ts';

export interface InjectedWallet {
  /** The wagmi connector id: the wallet's EIP-6963 rdns, or "injected" for a legacy provider. */
  id: string;
  name: string;
  /** The wallet's own icon (a data: URI it announced), when it gave one. */
  icon?: string;
}

interface Announcement {
  info: { uuid: string; name: string; icon: string; rdns: string };
  provider: unknown;
}

/** wagmi's id for the `injected()` connector over `window.ethereum`. */
const LEGACY_ID = 'injected';

export class InjectedWallets {
  list = $state<InjectedWallet[]>([]);
  #providers = new Set<unknown>();

  /** Starts listening; wallets announce at once and again whenever the page asks. */
  start() {
    if (typeof window === 'undefined') return;
    window.addEventListener('eip6963:announceProvider', (event) => {
      const { info, provider } = (event as CustomEvent<Announcement>).detail ?? {};
      if (!info?.rdns) return;
      this.#providers.add(provider);
      if (this.list.some((w) => w.id === info.rdns)) return;
      const icon = typeof info.icon === 'string' && /^data:image\//.test(info.icon) ? info.icon : undefined;
      // A legacy entry for the same provider is replaced by its own announcement.
      this.list = [
        ...this.list.filter((w) => w.id !== LEGACY_ID),
        { id: info.rdns, name: clip(cleanText(String(info.name)), 40), icon },
      ];
    });
    this.refresh();
  }

  /**
   * Asks announcing wallets again and looks for a legacy provider: some in-app browsers inject
   * `window.ethereum` only after the page has loaded, so Connect looks again when it is pressed.
   */
  refresh() {
    if (typeof window === 'undefined') return;
    window.dispatchEvent(new Event('eip6963:requestProvider'));
    // Announcements arrive synchronously; a legacy provider that also announced is listed once.
    const legacy = (window as { ethereum?: { isMetaMask?: boolean } }).ethereum;
    if (!legacy || this.#providers.has(legacy) || this.list.length) return;
    // The name is read where it is shown, so it follows the language.
    this.list = [
      {
        id: LEGACY_ID,
        get name() {
          return legacy.isMetaMask ? 'MetaMask' : m.errors_injected_wallets_browser_wallet();
        },
      },
    ];
  }
}

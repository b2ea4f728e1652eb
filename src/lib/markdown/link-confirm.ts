/** Context key for asking the reader before following a link found in untrusted text. */
export const LINK_CONFIRM = Symbol('link-confirm');
export type LinkConfirm = (href: string, host: string) => void;

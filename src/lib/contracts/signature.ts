/**
 * An ECDSA signature split into the `v, r, s` that `permit` and `delegateBySig` take. Done by hand:
 * viem's parseSignature pulls in the secp256k1 curve (10 KiB gzip) to read three slices of hex.
 * Accepts the 65-byte form wallets return (v as 27/28 or as a 0/1 parity) and EIP-2098's 64-byte
 * compact form (parity in the top bit of s).
 */
import type { Hex } from 'viem';
import * as m from '../i18n/messages.ts';

export class MalformedSignatureError extends Error {
  constructor() {
    super(m.errors_signature_malformed());
  }
}

export function splitSignature(signature: Hex): { v: number; r: Hex; s: Hex } {
  if (!/^0x[0-9a-fA-F]*$/.test(signature)) throw new MalformedSignatureError();
  const hex = signature.slice(2);
  const r = `0x${hex.slice(0, 64)}` as Hex;
  if (hex.length === 130) {
    const raw = parseInt(hex.slice(128, 130), 16);
    const v = raw < 27 ? raw + 27 : raw;
    if (v !== 27 && v !== 28) throw new MalformedSignatureError();
    return { v, r, s: `0x${hex.slice(64, 128)}` as Hex };
  }
  if (hex.length === 128) {
    const vs = BigInt(`0x${hex.slice(64)}`);
    const parity = Number(vs >> 255n);
    const s = (vs & ((1n << 255n) - 1n)).toString(16).padStart(64, '0');
    return { v: 27 + parity, r, s: `0x${s}` as Hex };
  }
  throw new MalformedSignatureError();
}

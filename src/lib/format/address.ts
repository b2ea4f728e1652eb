/** Short display form of an address: `0x1234…abcd`. The full address stays in the title/label. */
export function shortAddress(address: string): string {
  return `${address.slice(0, 6)}…${address.slice(-4)}`;
}

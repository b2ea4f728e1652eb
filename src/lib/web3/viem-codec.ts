/**
 * viem's own codec, for what the read path's codec (abi-codec.ts) declines: loaded only then, so its
 * encoder, decoder and their error classes stay off the first page.
 */
export { decodeFunctionResult, encodeFunctionData } from 'viem';

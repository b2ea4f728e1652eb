/** `npm run devnet`: starts the seeded devnet and keeps it running until Ctrl-C. */
import { startDevnet } from './start.ts';
import { startDeepDevnet } from './deep.ts';

const started = performance.now();
const port = Number(process.env.DEVNET_PORT ?? 8545);
const blockTime = Number(process.env.DEVNET_BLOCK_TIME ?? 12);
const operators = process.env.DEVNET_OPERATORS ? Number(process.env.DEVNET_OPERATORS) : undefined;
const proposals = process.env.DEVNET_PROPOSALS ? Number(process.env.DEVNET_PROPOSALS) : undefined;
// DEVNET_DEEP=1: the chain at mainnet height with a deployment's depth of history (see deep.ts).
const devnet = process.env.DEVNET_DEEP
  ? await startDeepDevnet(port)
  : await startDevnet({ port, operators, proposals });
const seconds = ((performance.now() - started) / 1000).toFixed(1);
const block = await devnet.client.getBlockNumber();
console.log(`devnet ready in ${seconds} s at ${devnet.anvil.url} (chain ${devnet.deployment.chainId}, block ${block})`);
for (const [name, address] of Object.entries(devnet.deployment.contracts))
  console.log(`  ${name.padEnd(10)} ${address}`);
console.log('Ctrl-C to stop');

// anvil's interval mining switches automine off, so keep automine and add an empty block every
// `blockTime` seconds ourselves: transactions confirm at once and chain time still moves.
const heartbeat =
  blockTime > 0 ? setInterval(() => devnet.client.mine({ blocks: 1 }).catch(() => {}), blockTime * 1000) : undefined;

let stopping = false;
const shutdown = async () => {
  if (stopping) return;
  stopping = true;
  clearInterval(heartbeat);
  await devnet.stop();
  process.exit(0);
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
devnet.anvil.process.once('exit', (code) => {
  if (!stopping) {
    console.error(`anvil exited unexpectedly (${code})`);
    process.exit(1);
  }
});

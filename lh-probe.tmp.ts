import { execFileSync } from 'node:child_process';
import { preview } from 'vite';
import { startDevnet } from './devnet/start.ts';
import { CountingProxy } from './bench/counting-proxy.ts';
import { runLighthouse } from './bench/lighthouse.ts';
const root = new URL('.', import.meta.url).pathname;
const devnet = await startDevnet({ port: 8546, operators: 500, proposals: 1_000 });
const proxy = new CountingProxy(8545, devnet.anvil.url);
await proxy.listen();
execFileSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
const server = await preview({ root, preview: { port: 4173, strictPort: true, host: '127.0.0.1' }, logLevel: 'silent' });
const paths = (process.env.LH_PATHS ?? '#/governance').split(',');
try {
  for (let i = 0; i < Number(process.env.LH_RUNS ?? 3); i++)
    for (const p of paths) console.log(p, JSON.stringify(await runLighthouse(`http://127.0.0.1:4173/${p}`, 'mobile')));
} finally {
  await server.close();
  await proxy.close?.();
  await devnet.stop();
}
process.exit(0);

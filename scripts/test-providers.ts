/**
 * `npm run test:providers -- --runs N [--seed S]`: draws N random providers in a row (seeds S, S+1,
 * …; S random unless given) and runs e2e/provider-limits.spec.ts's random-provider test against each,
 * every page with and without the history snapshot, plus a vote and a stake. Each seed is printed
 * with the provider it drew; `PROVIDER_SEED=<seed> npx playwright test e2e/provider-limits.spec.ts`
 * replays one. Not part of `npm test`, which draws one provider per run.
 */
import { spawnSync } from 'node:child_process';

const args = process.argv.slice(2);
const option = (name: string) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 ? args[at + 1] : undefined;
};
const runs = Number(option('runs') ?? 20);
const seed = Number(option('seed') ?? Math.floor(Math.random() * 1_000_000));
if (!Number.isInteger(runs) || runs < 1 || !Number.isInteger(seed) || seed < 0) {
  console.error('Usage: npm run test:providers -- --runs N [--seed S]');
  process.exit(2);
}
console.log(`Drawing ${runs} providers from seed ${seed}.`);
const started = performance.now();
const run = spawnSync(
  'npx',
  ['playwright', 'test', 'e2e/provider-limits.spec.ts', '-g', 'drawn at random', '--timeout', String(7 * 60_000)],
  { stdio: 'inherit', env: { ...process.env, PROVIDER_SEED: String(seed), PROVIDER_RUNS: String(runs) } },
);
console.log(`${runs} providers in ${Math.round((performance.now() - started) / 1000)} s.`);
process.exit(run.status ?? 1);

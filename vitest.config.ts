import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';

export default defineConfig({
  test: {
    projects: [
      {
        // Runes in .svelte.ts modules compile as in the app (both projects import app modules).
        plugins: [svelte()],
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'scripts/**/*.test.ts', 'bench/**/*.test.ts'],
          // The deploy command's test needs anvil: it runs with the contract tests.
          exclude: ['scripts/deploy/**'],
        },
      },
      {
        plugins: [svelte()],
        test: {
          name: 'contracts',
          include: ['contracts/test/**/*.test.ts', 'devnet/**/*.test.ts', 'scripts/deploy/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});

import { defineConfig } from 'vitest/config'

import base from './vitest.config'

/**
 * What Stryker runs for each mutant: the plugin's integration tests, without the files that test
 * the offline stand-ins or start-up (they never reach src/storefront), the fidelity check, the
 * 1,200-body fuzz (its cases are pinned by the webhook and attack tests) and the outage tests that
 * restart PostgreSQL or a shop process (minutes each, and their assertions are about the host).
 */
export default defineConfig({
  resolve: base.resolve,
  test: {
    projects: [
      {
        resolve: base.resolve,
        test: {
          name: 'mutation',
          include: ['tests/**/*.test.ts'],
          exclude: [
            'tests/dev/**',
            'tests/fidelity/**',
            'tests/package/**',
            'tests/webhookFuzz.test.ts',
            'tests/postgresOutage.test.ts',
            'tests/resendOutage.test.ts',
            'tests/env.test.ts',
          ],
          environment: 'node',
          globalSetup: ['tests/setup/globalSetup.ts'],
          setupFiles: ['tests/setup/testEnv.ts'],
          pool: 'forks',
          maxWorkers: 1,
          isolate: false,
          fileParallelism: false,
          testTimeout: 30_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
})

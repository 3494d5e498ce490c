import { defineConfig } from 'vitest/config'

import { integrationTests } from './vitest.config'

/**
 * What Stryker runs for each mutant: the plugin's integration tests, without the files that test
 * the offline stand-ins or start-up (they never reach src/storefront), the fidelity check, the
 * 1,200-body fuzz (its cases are pinned by the webhook and attack tests) and the outage tests that
 * restart PostgreSQL or a shop process (minutes each, and their assertions are about the host).
 */
export default defineConfig({
  resolve: integrationTests.resolve,
  test: {
    projects: [
      {
        ...integrationTests,
        test: {
          ...integrationTests.test,
          name: 'mutation',
          exclude: [
            'tests/dev/**',
            'tests/fidelity/**',
            'tests/package/**',
            'tests/webhookFuzz.test.ts',
            'tests/postgresOutage.test.ts',
            'tests/resendOutage.test.ts',
            'tests/env.test.ts',
          ],
        },
      },
    ],
  },
})

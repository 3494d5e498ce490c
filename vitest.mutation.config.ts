import { defineConfig } from 'vitest/config'

import { usePersistentForksPool } from './tests/mutation/persistentForksPool'
import { integrationTests } from './vitest.config'

/**
 * What Stryker runs for each mutant: the plugin's integration tests, without the files that test
 * the offline stand-ins or start-up (they never reach src/storefront), the fidelity check, the
 * 1,200-body fuzz (its cases are pinned by the webhook and attack tests) and the outage tests that
 * restart PostgreSQL or a shop process (minutes each, and their assertions are about the host),
 * and the worker and two-instance tests: their plugin code runs in child processes, which Stryker
 * neither instruments nor switches, so they could never kill a mutant.
 */
export default defineConfig({
  resolve: integrationTests.resolve,
  test: {
    projects: [
      {
        ...integrationTests,
        plugins: [usePersistentForksPool],
        test: {
          ...integrationTests.test,
          name: 'mutation',
          exclude: [
            'tests/dev/**',
            'tests/fidelity/**',
            'tests/package/**',
            'tests/webhookFuzz.test.ts',
            'tests/postgresOutage.test.ts',
            'tests/jobsWorker.test.ts',
            'tests/severalInstances.test.ts',
            'tests/resendOutage.test.ts',
            'tests/env.test.ts',
          ],
        },
      },
    ],
  },
})

import path from 'node:path'
import { defineConfig, type TestProjectInlineConfiguration } from 'vitest/config'

const alias = {
  '@payload-config': path.resolve(import.meta.dirname, 'payload.config.ts'),
  '@': path.resolve(import.meta.dirname, 'src'),
  // The workspace package resolves to its source here, as tsconfig paths make it for Next.
  'payload-plugin-storefront/client': path.resolve(
    import.meta.dirname,
    'src/storefront/exports/client.ts',
  ),
  'payload-plugin-storefront/rsc': path.resolve(
    import.meta.dirname,
    'src/storefront/exports/rsc.ts',
  ),
  'payload-plugin-storefront': path.resolve(import.meta.dirname, 'src/storefront/index.ts'),
}

/** Also what Stryker runs for each mutant, with fewer files (vitest.mutation.config.ts). */
export const integrationTests = {
  resolve: { alias },
  test: {
    name: 'integration',
    include: ['tests/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['tests/setup/globalSetup.ts'],
    setupFiles: ['tests/setup/testEnv.ts'],
    // One worker, shared module graph: every file talks to one Payload instance and one
    // database (created fresh for this run by globalSetup). Files never destroy Payload.
    pool: 'forks',
    maxWorkers: 1,
    isolate: false,
    fileParallelism: false,
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
} satisfies TestProjectInlineConfiguration

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      integrationTests,
      {
        resolve: { alias },
        test: {
          name: 'components',
          include: ['tests/**/*.test.tsx'],
          environment: 'jsdom',
          setupFiles: ['tests/setup/componentSetup.ts'],
        },
      },
    ],
  },
})

import nextCoreWebVitals from 'eslint-config-next/core-web-vitals'
import nextTypescript from 'eslint-config-next/typescript'

/** The plugin is used only through its index, as an installed package would be. */
const pluginInternals = {
  group: ['@/storefront', '@/storefront/*', '**/storefront', '**/storefront/*'],
  message:
    "Import the plugin by its package name, 'payload-plugin-storefront', as an app that installed it would.",
}
/** The offline stand-ins are reached through env, never imported by code that ships. */
const devTools = {
  group: ['@/dev', '@/dev/*', '**/dev/*', '**/dev'],
  message: 'Production code never imports src/dev: the stand-ins are reached through env.',
}

const config = [
  ...nextCoreWebVitals,
  ...nextTypescript,
  {
    ignores: [
      '.next/**',
      '.data/**',
      'node_modules/**',
      'src/payload-types.ts',
      'src/migrations/**',
      'src/app/(payload)/admin/importMap.js',
      'next-env.d.ts',
      'reports/**',
      '.stryker-tmp/**',
      'src/storefront/dist/**',
    ],
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: [
      'src/app/**',
      'src/components/**',
      'src/collections/**',
      'payload.config.ts',
      'src/env.ts',
    ],
    rules: { 'no-restricted-imports': ['error', { patterns: [pluginInternals, devTools] }] },
  },
  {
    files: ['src/storefront/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            devTools,
            {
              group: ['@/*', '@payload-config', '../../*'],
              message: 'The plugin imports nothing from the app that hosts it.',
            },
          ],
        },
      ],
    },
  },
  {
    // One folder deeper (operations/staff/): '../../' is still inside the plugin, '../../../' is not.
    files: ['src/storefront/*/*/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            devTools,
            {
              group: ['@/*', '@payload-config', '../../../*'],
              message: 'The plugin imports nothing from the app that hosts it.',
            },
          ],
        },
      ],
    },
  },
  {
    // Tests may reach into the plugin's modules, but its index only by the package name: the
    // bare folder '@/storefront' resolves through its package.json to dist/, which a fresh clone
    // has not built.
    files: ['tests/**', 'e2e/**', 'bench/**', 'scripts/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@/storefront',
              message:
                "Import the plugin's index as 'payload-plugin-storefront' (it resolves to source).",
            },
          ],
        },
      ],
    },
  },
]

export default config

/**
 * `npm run bench -- <name>`: runs one benchmark against the production build.
 * Benchmarks print ratios against baselines measured in the same run, never absolute verdicts.
 */
const benchmarks: Record<string, () => Promise<unknown>> = {
  download: () => import('./download'),
  shop: () => import('./shop'),
}

// `npm run bench -- --quick` (no name): the shop bench, quickly.
const requested = process.argv.slice(2).find((arg) => !arg.startsWith('--')) ?? 'shop'
const load = requested ? benchmarks[requested] : undefined
if (!load) {
  console.error(`Usage: npm run bench -- [${Object.keys(benchmarks).join('|')}] [--quick]`)
  process.exit(2)
}
await load()

export {}

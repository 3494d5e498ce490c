/**
 * `npm run bench -- <name>`: runs one benchmark against the production build.
 * Benchmarks print ratios against baselines measured in the same run, never absolute verdicts.
 */
const benchmarks: Record<string, () => Promise<unknown>> = {
  download: () => import('./download'),
}

const requested = process.argv[2]
const load = requested ? benchmarks[requested] : undefined
if (!load) {
  console.error(`Usage: npm run bench -- <${Object.keys(benchmarks).join('|')}>`)
  process.exit(2)
}
await load()

export {}

/**
 * Mutation testing of the plugin (StrykerJS over src/storefront, see stryker.config.json).
 *
 *   npm run test:mutation                  every mutant, reusing the committed results of those
 *                                          whose code and covering tests did not change
 *   npm run test:mutation -- --force       every mutant, reusing nothing
 *   npm run test:mutation -- FILE [FILE…]  only these plugin files (while working on their tests)
 *   npm run test:mutation:changed          only the plugin files whose source differs from the
 *                                          incremental file (what CI runs)
 *
 * Every run updates the incremental file (tests/mutation/stryker-incremental.json); commit it.
 *
 * Both print `mutation score N%` and fail when the score of what was mutated is under the target,
 * or when access control or the webhook's status decisions are under 100%.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'

type MutantStatus =
  | 'Killed'
  | 'Survived'
  | 'NoCoverage'
  | 'Timeout'
  | 'CompileError'
  | 'RuntimeError'
  | 'Ignored'
  | 'Pending'
type MutantResult = {
  mutatorName: string
  replacement?: string
  status: MutantStatus
  location: { start: { line: number; column: number } }
}
type MutationReport = { files: Record<string, { source: string; mutants: MutantResult[] }> }

const config = JSON.parse(fs.readFileSync('stryker.config.json', 'utf8')) as {
  incrementalFile: string
  jsonReporter: { fileName: string }
  htmlReporter: { fileName: string }
  thresholds: { break: number }
}

/** These decide who sees what and what Stripe is told: every mutant in them must be killed. */
const FULLY_TESTED = [
  'src/storefront/access.ts',
  'src/storefront/endpoints/stripeWebhook.ts',
  'src/storefront/operations/acceptStripeEvent.ts',
  'src/storefront/operations/processStripeEvent.ts',
]

/** The files Stryker mutates (its `mutate` globs, as git sees them). */
function mutableFiles(): string[] {
  const listed = spawnSync('git', ['ls-files', 'src/storefront'], { encoding: 'utf8' }).stdout
  return listed
    .split('\n')
    .filter(
      (file) =>
        file.endsWith('.ts') &&
        !file.endsWith('.d.ts') &&
        file !== 'src/storefront/types.ts' &&
        !file.startsWith('src/storefront/dist/'),
    )
}

/**
 * Stryker writes the incremental file with the files of this run only; the results of the plugin
 * files a subset run did not mutate are put back, so the committed baseline always covers them all.
 */
function keepUntouchedFilesInBaseline(previous: MutationReport | null): void {
  const written = readReport(config.incrementalFile)
  if (!previous || !written) return
  const current = new Set(mutableFiles())
  for (const [file, result] of Object.entries(previous.files)) {
    if (!(file in written.files) && current.has(file)) written.files[file] = result
  }
  fs.writeFileSync(config.incrementalFile, JSON.stringify(written))
}

function readReport(file: string): MutationReport | null {
  return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as MutationReport) : null
}

/** Killed or timed out, over everything that could have been caught (Stryker's own formula). */
function score(mutants: MutantResult[]): { percent: number; caught: number; total: number } {
  const caught = mutants.filter((m) => m.status === 'Killed' || m.status === 'Timeout').length
  const missed = mutants.filter((m) => m.status === 'Survived' || m.status === 'NoCoverage').length
  const total = caught + missed
  return { percent: total === 0 ? 100 : (100 * caught) / total, caught, total }
}

function runStryker(args: string[]): void {
  const result = spawnSync('npx', ['stryker', 'run', ...args], { stdio: 'inherit' })
  // Stryker's own break threshold is checked below, per file group, so its exit code is only
  // trusted when no report was written.
  if (result.status !== 0 && !fs.existsSync(config.jsonReporter.fileName)) {
    process.exit(result.status ?? 1)
  }
}

const changedOnly = process.argv.includes('--changed')
const named = process.argv.slice(2).filter((arg) => !arg.startsWith('--'))
let mutated = named.length > 0 ? named : mutableFiles()

if (changedOnly) {
  const baseline = readReport(config.incrementalFile)
  if (!baseline) {
    console.error(
      `No ${config.incrementalFile}: run \`npm run test:mutation\` once and commit it, so CI can mutate only what changed.`,
    )
    process.exit(1)
  }
  // A file the baseline has never measured is named, not mutated: measuring it is a run of its own
  // (`npm run test:mutation -- FILE`), too long for every CI run.
  const unmeasured = mutated.filter((file) => !(file in baseline.files))
  if (unmeasured.length > 0) {
    console.log(
      `Not in ${config.incrementalFile} yet (measure with \`npm run test:mutation -- FILE\`):\n  ${unmeasured.join('\n  ')}`,
    )
  }
  mutated = mutated.filter(
    (file) =>
      file in baseline.files && baseline.files[file].source !== fs.readFileSync(file, 'utf8'),
  )
  if (mutated.length === 0) {
    console.log(
      `mutation score: no measured plugin file differs from ${config.incrementalFile}; nothing to mutate.`,
    )
    process.exit(0)
  }
  console.log(`Mutating the plugin files that changed:\n  ${mutated.join('\n  ')}`)
}

fs.rmSync(config.jsonReporter.fileName, { force: true })
// Every run is incremental: results whose code and tests did not change are reused, and what was
// mutated joins the committed baseline. `--force` re-runs every mutant in scope.
const previousBaseline = readReport(config.incrementalFile)
runStryker([
  '--incremental',
  ...(process.argv.includes('--force') ? ['--force'] : []),
  ...(named.length > 0 || changedOnly ? ['--mutate', mutated.join(',')] : []),
])

const report = readReport(config.jsonReporter.fileName)
if (!report) {
  console.error(`Stryker wrote no report at ${config.jsonReporter.fileName}.`)
  process.exit(1)
}
keepUntouchedFilesInBaseline(previousBaseline)
const inScope = Object.entries(report.files).filter(([file]) => mutated.includes(file))
const overall = score(inScope.flatMap(([, file]) => file.mutants))
const failures: string[] = []
console.log(
  `\nmutation score ${overall.percent.toFixed(1)}% (${overall.caught} of ${overall.total} mutants killed${named.length > 0 || changedOnly ? `, ${mutated.length} file(s)` : ''}; target ${config.thresholds.break}%)`,
)
if (overall.percent < config.thresholds.break) {
  failures.push(`the score is under ${config.thresholds.break}%`)
}
for (const [file, { mutants }] of inScope) {
  if (!FULLY_TESTED.includes(file)) continue
  const fileScore = score(mutants)
  console.log(`  ${file}: ${fileScore.percent.toFixed(1)}% (target 100%)`)
  for (const mutant of mutants.filter(
    (m) => m.status === 'Survived' || m.status === 'NoCoverage',
  )) {
    const { line, column } = mutant.location.start
    console.log(`    ${mutant.status} ${mutant.mutatorName} at ${line}:${column}`)
  }
  if (fileScore.percent < 100) failures.push(`${file} is not at 100%`)
}
console.log(`Report: ${config.htmlReporter.fileName} (open it in a browser)`)
if (failures.length > 0) {
  console.error(`Mutation testing failed: ${failures.join('; ')}.`)
  process.exit(1)
}

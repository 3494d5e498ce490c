/**
 * `tsx src/dev/prepareData.ts [--seed=if-empty|always]`: what the launchers (npm run dev, build,
 * start:offline) need before Next starts: the committed migrations applied, then the demo data
 * seeded. One process loading Payload once, instead of a migrate process and then a seed process
 * each spending seconds loading the same config.
 */
import { applyMigrations, MIGRATE_ADVICE } from './applyMigrations'
import { finishScript, loadPayloadForScript } from './loadPayloadForScript'

const seedArgument = process.argv.find((arg) => arg.startsWith('--seed='))?.slice('--seed='.length)
if (seedArgument && seedArgument !== 'if-empty' && seedArgument !== 'always') {
  console.error(`Unknown --seed=${seedArgument}; use --seed=if-empty or --seed=always.`)
  process.exit(2)
}
process.env.PAYLOAD_MIGRATING = 'true'

const { payload, watchdog } = await loadPayloadForScript({
  name: 'storefront-prepare',
  what: seedArgument ? 'Migrating and seeding the database' : 'Migrating the database',
  advice: MIGRATE_ADVICE,
})
try {
  await applyMigrations(payload, watchdog)
  if (seedArgument) {
    watchdog.step('counting users')
    const { totalDocs: users } = await payload.count({ collection: 'users' })
    if (seedArgument === 'if-empty' && users > 0) {
      payload.logger.info(
        'Database already has data; skipping the demo seed (run `npm run seed` to add missing demo data).',
      )
    } else {
      watchdog.step('creating the demo users and products')
      const { seed } = await import('../seed/seed')
      await seed(payload)
    }
  }
} catch (error) {
  console.error((error as Error).message)
  finishScript(watchdog, 1)
}
finishScript(watchdog, 0)

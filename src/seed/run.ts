/**
 * `npm run seed` (tsx src/seed/run.ts [if-empty]).
 * With `if-empty`, seeds only a database without users: what `npm run dev` does on first start.
 */
import { finishScript, loadPayloadForScript } from '../dev/loadPayloadForScript'

const { payload, watchdog } = await loadPayloadForScript({
  name: 'storefront-seed',
  what: 'Seeding the demo data',
  advice:
    'If the database line names a process holding a lock, stop it and start again. Otherwise press Ctrl-C, ' +
    'run `npm run seed` on its own, and if it stalls again open an issue with the evidence folder below.',
})
const { seed } = await import('./seed')

watchdog.step('counting users')
const onlyIfEmpty = process.argv.includes('if-empty')
const { totalDocs: users } = await payload.count({ collection: 'users' })

if (onlyIfEmpty && users > 0) {
  payload.logger.info(
    'Database already has data; skipping the demo seed (run `npm run seed` to add missing demo data).',
  )
} else {
  watchdog.step('creating the demo users and products')
  await seed(payload)
}
finishScript(watchdog, 0)

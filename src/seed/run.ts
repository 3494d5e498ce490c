/**
 * `npm run seed` (tsx src/seed/run.ts [if-empty]).
 * With `if-empty`, seeds only a database without users: what `npm run dev` does on first start.
 */
import { holdEventLoop } from '../dev/holdEventLoop'

const release = holdEventLoop('Seeding the demo data')
const { default: config } = await import('@payload-config')
const { getPayload } = await import('payload')
const { seed } = await import('./seed')

const payload = await getPayload({ config })
const onlyIfEmpty = process.argv.includes('if-empty')
const { totalDocs: users } = await payload.count({ collection: 'users' })

if (onlyIfEmpty && users > 0) {
  payload.logger.info(
    'Database already has data; skipping the demo seed (run `npm run seed` to add missing demo data).',
  )
} else {
  await seed(payload)
}
await payload.destroy()
release()
process.exit(0)

/**
 * `npm run seed` (tsx src/seed/run.ts [if-empty]).
 * With `if-empty`, seeds only a database without users: what `npm run dev` does on first start.
 */
import config from '@payload-config'
import { getPayload } from 'payload'

import { seed } from './seed'

const payload = await getPayload({ config })
const onlyIfEmpty = process.argv.includes('if-empty')
const { totalDocs: users } = await payload.count({ collection: 'users' })

if (onlyIfEmpty && users > 0) {
  payload.logger.info('Database already has data; skipping the demo seed (run `npm run seed` to add missing demo data).')
} else {
  await seed(payload)
}
await payload.destroy()
process.exit(0)

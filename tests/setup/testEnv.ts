import { inject } from 'vitest'

// Before any test file imports payload.config.ts, point it at this run's database.
process.env.DATABASE_URL = inject('databaseUrl')
process.env.NEXT_PUBLIC_SERVER_URL ??= 'http://localhost:3000'

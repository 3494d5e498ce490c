import { afterAll, inject } from 'vitest'

import { TEST_WEBHOOK_SECRET } from './TEST_WEBHOOK_SECRET'

// Before any test file imports payload.config.ts, point it at this run's database and at the
// Stripe emulator and mail catcher that globalSetup started (the real SDKs talk to them).
process.env.DATABASE_URL = inject('databaseUrl')
process.env.PRODUCT_FILES_DIR = inject('productFilesDir')
process.env.NEXT_PUBLIC_SERVER_URL ??= 'http://localhost:3000'
process.env.STRIPE_SECRET_KEY = 'sk_test_emulator'
process.env.STRIPE_WEBHOOK_SECRET = TEST_WEBHOOK_SECRET
process.env.STRIPE_API_HOST = '127.0.0.1'
process.env.STRIPE_API_PORT = String(inject('stripeEmulatorPort'))
process.env.STRIPE_API_PROTOCOL = 'http'
process.env.RESEND_API_KEY = 're_test_suite'
process.env.RESEND_BASE_URL = inject('mailCatcherUrl')
process.env.EMAIL_FROM = 'Test Shop <shop@test.example>'
process.env.STORE_NAME = 'Test Shop'
// The tests run queued jobs themselves (helpers/jobs.ts): no every-second runner racing them.
process.env.JOBS_AUTORUN = 'false'
// The reconciliation sweep tells this address when it repaired anything; monitors use the token.
process.env.RECONCILIATION_ALERT_EMAIL = 'ops@test.example'
process.env.HEALTH_TOKEN = 'health-token-for-the-test-suite-0123456789'

// A test file that leaves the job applying a failed Stripe event waiting for its retry would have
// it come due in a later file and change that file's purchases and mail. Imported lazily: the
// config must not load before the env above is set.
afterAll(async () => {
  const { clearWaitingJobs } = await import('../helpers/jobs')
  const { APPLY_STRIPE_EVENT_TASK } = await import('payload-plugin-storefront')
  await clearWaitingJobs(APPLY_STRIPE_EVENT_TASK)
})

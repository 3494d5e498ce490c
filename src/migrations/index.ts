import * as migration_20261126_204615_initial from './20261126_204615_initial'
import * as migration_20261126_205831_stripe_price_verification from './20261126_205831_stripe_price_verification'
import * as migration_20261126_210338_fulfilment from './20261126_210338_fulfilment'
import * as migration_20261127_163149_downloads_and_durable_events from './20261127_163149_downloads_and_durable_events'
import * as migration_20261127_191113_admin_and_shopper_journey from './20261127_191113_admin_and_shopper_journey'
import * as migration_20261127_214217_reconciliation_disputes_and_s3 from './20261127_214217_reconciliation_disputes_and_s3'
import * as migration_20261127_234224_stripe_events_applied_by_a_job from './20261127_234224_stripe_events_applied_by_a_job'

export const migrations = [
  {
    up: migration_20261126_204615_initial.up,
    down: migration_20261126_204615_initial.down,
    name: '20261126_204615_initial',
  },
  {
    up: migration_20261126_205831_stripe_price_verification.up,
    down: migration_20261126_205831_stripe_price_verification.down,
    name: '20261126_205831_stripe_price_verification',
  },
  {
    up: migration_20261126_210338_fulfilment.up,
    down: migration_20261126_210338_fulfilment.down,
    name: '20261126_210338_fulfilment',
  },
  {
    up: migration_20261127_163149_downloads_and_durable_events.up,
    down: migration_20261127_163149_downloads_and_durable_events.down,
    name: '20261127_163149_downloads_and_durable_events',
  },
  {
    up: migration_20261127_191113_admin_and_shopper_journey.up,
    down: migration_20261127_191113_admin_and_shopper_journey.down,
    name: '20261127_191113_admin_and_shopper_journey',
  },
  {
    up: migration_20261127_214217_reconciliation_disputes_and_s3.up,
    down: migration_20261127_214217_reconciliation_disputes_and_s3.down,
    name: '20261127_214217_reconciliation_disputes_and_s3',
  },
  {
    up: migration_20261127_234224_stripe_events_applied_by_a_job.up,
    down: migration_20261127_234224_stripe_events_applied_by_a_job.down,
    name: '20261127_234224_stripe_events_applied_by_a_job',
  },
]

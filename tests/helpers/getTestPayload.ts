import config from '@payload-config'
import { getPayload, type Payload } from 'payload'

/** The one Payload instance of this test run (Payload caches it per process). */
export function getTestPayload(): Promise<Payload> {
  return getPayload({ config })
}

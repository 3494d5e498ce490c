import config from '@payload-config'
import { getPayload } from 'payload'

/** The Local API, shared per process by Payload itself. */
export const getPayloadClient = () => getPayload({ config })

import type { Access } from 'payload'

/**
 * No writes through REST or GraphQL, for anyone. Fulfilment writes through the Local API on the
 * server (which skips access control), so a forged request can never mint or edit a purchase.
 */
export const nobody: Access = () => false

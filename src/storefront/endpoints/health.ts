import type { Endpoint, PayloadRequest } from 'payload'

import { createHash, timingSafeEqual } from 'node:crypto'

import type { ResolvedStorefrontOptions } from '../types'

import { StorefrontError } from '../errors'
import { describeHealth } from '../operations/describeHealth'
import { errorResponse } from './http'
import { requireStaff } from './requireStaff'

const digest = (value: string) => createHash('sha256').update(value).digest()

/** A monitor's `Authorization: Bearer <health.token>`, compared in constant time. */
function bearerMatches(req: PayloadRequest, token: string | undefined): 'absent' | 'ok' | 'wrong' {
  const header = req.headers.get('authorization') ?? ''
  const match = /^Bearer\s+(\S+)$/i.exec(header)
  if (!match) return 'absent'
  return token && timingSafeEqual(digest(match[1]), digest(token)) ? 'ok' : 'wrong'
}

/**
 * GET /api/storefront/health: for staff, or a monitor with the health token. 200 while the sweep
 * keeps running, 503 once it has not succeeded in 3 of its intervals, with the same body.
 */
export function createHealthEndpoint(options: ResolvedStorefrontOptions): Endpoint {
  return {
    path: '/storefront/health',
    method: 'get',
    handler: async (req) => {
      try {
        const bearer = bearerMatches(req, options.health.token)
        if (bearer === 'wrong' && !req.user)
          throw new StorefrontError(
            'That bearer token is not the shop’s health token (option health.token, HEALTH_TOKEN).',
            401,
          )
        if (bearer !== 'ok') requireStaff(req, options, 'read the shop’s health')
        const health = await describeHealth({ payload: req.payload, options })
        return Response.json(health, {
          status: health.status === 'stale' ? 503 : 200,
          headers: { 'Cache-Control': 'no-store' },
        })
      } catch (error) {
        return errorResponse(error, req)
      }
    },
  }
}

import type { Endpoint } from 'payload'

/**
 * What the framework costs a webhook before the shop does anything, for `npm run bench`: a POST
 * whose body is read and answered with the same JSON the Stripe webhook answers. Served twice,
 * as a Next route handler (`POST /bench-floor`: what `next start` costs) and as a Payload
 * endpoint (`POST /api/bench-floor`: plus Payload's REST handling), and only when the server was
 * started with BENCH_FLOOR=true; otherwise the route answers 404 and the endpoint is not there.
 */
export async function answerBenchFloor(request: Request): Promise<Response> {
  await request.text()
  return Response.json({ received: true })
}

export const benchFloorEndpoints = (enabled: boolean): Endpoint[] =>
  enabled
    ? [{ path: '/bench-floor', method: 'post', handler: (req) => answerBenchFloor(req as Request) }]
    : []

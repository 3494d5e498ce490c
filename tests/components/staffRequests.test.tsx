import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

/**
 * The staff buttons in the admin (Reconcile now, Replay from Stripe, the purchase's support
 * actions): each POSTs to a plugin endpoint through `useStaffRequest`. What is checked here is what
 * staff see: the request sent, the button disabled while it runs and enabled after, the endpoint's
 * own sentence on a refusal, the fallback sentence, the unreachable shop, and the page refreshed
 * only after a success.
 */

/** The form state Payload's admin holds for the open document; each test sets its fields. */
let fields: Record<string, { value: unknown }> = {}
const refresh = vi.fn()

vi.mock('@payloadcms/ui', async () => ({
  Button: (await import('./payloadUiButton')).Button,
  useConfig: () => ({ config: { serverURL: 'http://shop.test', routes: { api: '/api' } } }),
  useDocumentInfo: () => ({ id: 42 }),
  useFormFields: <T,>(select: (state: [typeof fields]) => T) => select([fields]),
}))
vi.mock('next/navigation', () => ({ useRouter: () => ({ refresh }) }))

const { ReconcileNow } = await import('@/storefront/admin/ReconcileNow')
const { ReplayStripeEvent } = await import('@/storefront/admin/ReplayStripeEvent')
const { PurchaseActions } = await import('@/storefront/admin/PurchaseActions')

/** The network boundary: holds the answer until `release()`, so the busy state can be seen. */
function serverAnswers(status: number, body: unknown) {
  let release!: () => void
  const gate = new Promise<void>((resolve) => (release = resolve))
  const fetchMock = vi.fn(async (_url: string, _init: RequestInit) => {
    await gate
    return new Response(typeof body === 'string' ? body : JSON.stringify(body), {
      status,
      headers: { 'Content-Type': 'application/json' },
    })
  })
  vi.stubGlobal('fetch', fetchMock)
  return { fetchMock, release }
}

function serverUnreachable() {
  const fetchMock = vi.fn(async () => {
    throw new TypeError('fetch failed')
  })
  vi.stubGlobal('fetch', fetchMock)
  return fetchMock
}

const sent = (fetchMock: ReturnType<typeof serverAnswers>['fetchMock']) => {
  expect(fetchMock).toHaveBeenCalledTimes(1)
  const [url, init] = fetchMock.mock.calls[0]
  return { url, init, body: init.body === undefined ? undefined : JSON.parse(init.body as string) }
}

const why = () => screen.getByLabelText(/^Why/) as HTMLTextAreaElement

beforeEach(() => {
  fields = {}
  refresh.mockClear()
})

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

describe('Reconcile now', () => {
  const run = {
    id: 3,
    status: 'succeeded',
    sessionsSeen: 5,
    purchasesRepaired: 1,
    purchasesSettled: 2,
    eventsRepaired: 0,
    errorCount: 1,
  }

  it('POSTs to /storefront/reconcile with the session cookie, is busy until the answer, then says what the sweep found', async () => {
    const { fetchMock, release } = serverAnswers(200, { run })
    render(<ReconcileNow />)

    fireEvent.click(screen.getByRole('button', { name: 'Reconcile now' }))

    expect(await screen.findByRole('button', { name: 'Reconciling…' })).toBeDisabled()
    const { url, init, body } = sent(fetchMock)
    expect(url).toBe('http://shop.test/api/storefront/reconcile')
    expect(init).toEqual({ method: 'POST', credentials: 'include' })
    expect(body).toBeUndefined()

    release()
    expect(await screen.findByRole('status')).toHaveTextContent(
      'Checked 5 completed checkout(s): repaired 3: 1 purchase(s) created, 2 settled, 0 failed event(s) applied; 1 error(s), see the run.',
    )
    expect(screen.getByRole('button', { name: 'Reconcile now' })).toBeEnabled()
    expect(refresh).toHaveBeenCalledTimes(1)
  })

  it('a failed sweep is an alert, and the list still refreshes to show the run', async () => {
    const { release } = serverAnswers(200, { run: { ...run, status: 'failed' } })
    render(<ReconcileNow />)
    fireEvent.click(screen.getByRole('button', { name: 'Reconcile now' }))
    release()
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The sweep could not list Stripe’s sessions; open the run for why.',
    )
    expect(refresh).toHaveBeenCalledTimes(1)
  })

  it('shows the endpoint’s own sentence when it refuses, and the button works again', async () => {
    const { release } = serverAnswers(403, { error: 'Only staff can run the sweep.' })
    render(<ReconcileNow />)
    fireEvent.click(screen.getByRole('button', { name: 'Reconcile now' }))
    release()
    expect(await screen.findByRole('alert')).toHaveTextContent('Only staff can run the sweep.')
    expect(screen.getByRole('button', { name: 'Reconcile now' })).toBeEnabled()
    expect(refresh).not.toHaveBeenCalled()
  })

  it('falls back to "The sweep failed (status)." with no sentence, or a 200 without a run', async () => {
    serverAnswers(502, 'not json').release()
    render(<ReconcileNow />)
    fireEvent.click(screen.getByRole('button', { name: 'Reconcile now' }))
    expect(await screen.findByRole('alert')).toHaveTextContent('The sweep failed (502).')

    cleanup()
    serverAnswers(200, {}).release()
    render(<ReconcileNow />)
    fireEvent.click(screen.getByRole('button', { name: 'Reconcile now' }))
    expect(await screen.findByRole('alert')).toHaveTextContent('The sweep failed (200).')
    expect(refresh).not.toHaveBeenCalled()
  })

  it('says the shop could not be reached when the request never got an answer', async () => {
    serverUnreachable()
    render(<ReconcileNow />)
    fireEvent.click(screen.getByRole('button', { name: 'Reconcile now' }))
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The shop could not be reached; try again in a moment.',
    )
    expect(screen.getByRole('button', { name: 'Reconcile now' })).toBeEnabled()
  })
})

describe('Replay from Stripe', () => {
  beforeEach(() => {
    fields = { outcome: { value: 'failed' } }
  })

  it('is offered only on a failed or rejected event', () => {
    fields = { outcome: { value: 'processed' } }
    const { container } = render(<ReplayStripeEvent />)
    expect(container).toBeEmptyDOMElement()
  })

  it('needs a reason, POSTs it as JSON, is busy until the answer, then says what the event is now and empties the reason', async () => {
    const { fetchMock, release } = serverAnswers(200, {
      event: { outcome: 'processed', note: 'purchase 9 created' },
    })
    render(<ReplayStripeEvent />)
    expect(screen.getByRole('button', { name: 'Replay from Stripe' })).toBeDisabled()
    fireEvent.change(why(), { target: { value: 'Product published again' } })

    fireEvent.click(screen.getByRole('button', { name: 'Replay from Stripe' }))

    expect(await screen.findByRole('button', { name: 'Replaying…' })).toBeDisabled()
    const { url, init, body } = sent(fetchMock)
    expect(url).toBe('http://shop.test/api/stripe-events/42/replay')
    expect(init.method).toBe('POST')
    expect(init.credentials).toBe('include')
    expect(init.headers).toEqual({ 'Content-Type': 'application/json' })
    expect(body).toEqual({ reason: 'Product published again' })

    release()
    expect(await screen.findByRole('status')).toHaveTextContent(
      'Fetched from Stripe and applied again: now processed (purchase 9 created).',
    )
    expect(why().value).toBe('')
    expect(refresh).toHaveBeenCalledTimes(1)
  })

  it('an event still failing after the replay is an alert', async () => {
    serverAnswers(200, { event: { outcome: 'failed', note: null } }).release()
    render(<ReplayStripeEvent />)
    fireEvent.change(why(), { target: { value: 'again' } })
    fireEvent.click(screen.getByRole('button', { name: 'Replay from Stripe' }))
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Fetched from Stripe and applied again: now failed.',
    )
  })

  it('keeps the reason and shows the endpoint’s sentence, or "The replay failed (status).", when refused', async () => {
    serverAnswers(409, { error: 'This event was already processed.' }).release()
    render(<ReplayStripeEvent />)
    fireEvent.change(why(), { target: { value: 'again' } })
    fireEvent.click(screen.getByRole('button', { name: 'Replay from Stripe' }))
    expect(await screen.findByRole('alert')).toHaveTextContent('This event was already processed.')
    expect(why().value).toBe('again')
    expect(screen.getByRole('button', { name: 'Replay from Stripe' })).toBeEnabled()

    cleanup()
    serverAnswers(500, {}).release()
    render(<ReplayStripeEvent />)
    fireEvent.change(why(), { target: { value: 'again' } })
    fireEvent.click(screen.getByRole('button', { name: 'Replay from Stripe' }))
    expect(await screen.findByRole('alert')).toHaveTextContent('The replay failed (500).')
    expect(refresh).not.toHaveBeenCalled()
  })
})

describe('Support actions on a purchase', () => {
  beforeEach(() => {
    fields = { status: { value: 'paid' }, source: { value: 'stripe' } }
  })

  it('offers nothing without a reason; then every button is disabled while one runs, and the reason is emptied after', async () => {
    const { fetchMock, release } = serverAnswers(200, { purchase: { id: 42 } })
    render(<PurchaseActions />)
    const names = ['Resend receipt', 'Revoke access', 'Refund in Stripe']
    for (const name of names) expect(screen.getByRole('button', { name })).toBeDisabled()
    expect(screen.getByText('Write why first; the buttons then work.')).toBeInTheDocument()

    fireEvent.change(why(), { target: { value: 'Asked by email' } })
    for (const name of names) expect(screen.getByRole('button', { name })).toBeEnabled()
    fireEvent.click(screen.getByRole('button', { name: 'Revoke access' }))

    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Revoke access' })).toBeDisabled(),
    )
    for (const name of names) expect(screen.getByRole('button', { name })).toBeDisabled()
    const { url, init, body } = sent(fetchMock)
    expect(url).toBe('http://shop.test/api/purchases/42/revoke')
    expect(init.method).toBe('POST')
    expect(init.credentials).toBe('include')
    expect(init.headers).toEqual({ 'Content-Type': 'application/json' })
    expect(body).toEqual({ reason: 'Asked by email' })

    release()
    expect(await screen.findByRole('status')).toHaveTextContent(
      'Access revoked: downloads are refused from now on.',
    )
    expect(why().value).toBe('')
    expect(refresh).toHaveBeenCalledTimes(1)
  })

  it('a refund sends the amount in cents, or none for all of it', async () => {
    const { fetchMock, release } = serverAnswers(200, {})
    release()
    render(<PurchaseActions />)
    fireEvent.change(why(), { target: { value: 'Partial' } })
    fireEvent.change(screen.getByLabelText(/^Refund amount/), { target: { value: ' 10.05 ' } })
    fireEvent.click(screen.getByRole('button', { name: 'Refund in Stripe' }))
    expect(await screen.findByRole('status')).toHaveTextContent(
      'Refund requested in Stripe. The status changes when Stripe confirms it (usually within seconds); a partial refund keeps access.',
    )
    expect(sent(fetchMock).url).toBe('http://shop.test/api/purchases/42/refund')
    expect(sent(fetchMock).body).toEqual({ reason: 'Partial', amountCents: 1005 })
    expect((screen.getByLabelText(/^Refund amount/) as HTMLInputElement).value).toBe('')

    fetchMock.mockClear()
    fireEvent.change(why(), { target: { value: 'All of it' } })
    fireEvent.click(screen.getByRole('button', { name: 'Refund in Stripe' }))
    await waitFor(() => expect(fetchMock).toHaveBeenCalledTimes(1))
    expect(sent(fetchMock).body).toEqual({ reason: 'All of it' })
  })

  it('shows the endpoint’s sentence, or "The action failed (status).", keeps the reason, and the buttons work again', async () => {
    serverAnswers(409, { error: 'This purchase is already revoked.' }).release()
    render(<PurchaseActions />)
    fireEvent.change(why(), { target: { value: 'Asked' } })
    fireEvent.click(screen.getByRole('button', { name: 'Resend receipt' }))
    expect(await screen.findByRole('alert')).toHaveTextContent('This purchase is already revoked.')
    expect(why().value).toBe('Asked')
    expect(screen.getByRole('button', { name: 'Resend receipt' })).toBeEnabled()

    cleanup()
    serverAnswers(500, 'Internal Server Error').release()
    render(<PurchaseActions />)
    fireEvent.change(why(), { target: { value: 'Asked' } })
    fireEvent.click(screen.getByRole('button', { name: 'Resend receipt' }))
    expect(await screen.findByRole('alert')).toHaveTextContent('The action failed (500).')
    expect(refresh).not.toHaveBeenCalled()
  })

  it('a revoked purchase offers Restore access (and a refund), which says so when done', async () => {
    fields = { status: { value: 'revoked' }, source: { value: 'stripe' } }
    const { fetchMock } = serverAnswers(200, {})
    fetchMock.mockImplementation(async () => new Response('{}', { status: 200 }))
    render(<PurchaseActions />)
    expect(screen.queryByRole('button', { name: 'Revoke access' })).toBeNull()
    expect(screen.getByRole('button', { name: 'Refund in Stripe' })).toBeDisabled()
    fireEvent.change(why(), { target: { value: 'Resolved' } })
    fireEvent.click(screen.getByRole('button', { name: 'Restore access' }))
    expect(await screen.findByRole('status')).toHaveTextContent('Access restored.')
    expect(sent(fetchMock).url).toBe('http://shop.test/api/purchases/42/restore')
  })
})

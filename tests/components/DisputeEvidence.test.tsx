import { cleanup, fireEvent, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'

const EVIL = '<img src=x onerror="alert(1)"><script>alert(2)</script>'

/** The form state Payload's admin would hold for a purchase with drafted evidence. */
const fields: Record<string, { value: unknown }> = {
  'disputeEvidence.disputeId': { value: 'dp_test_1' },
  'disputeEvidence.status': { value: 'drafted' },
  'disputeEvidence.evidence': {
    value: {
      access_activity_log: `2026-11-27 10:00:00 UTC  completed  user agent ${JSON.stringify(EVIL)}`,
      product_description: `"${EVIL}", a digital download`,
    },
  },
}

vi.mock('@payloadcms/ui', async () => ({
  Button: (await import('./payloadUiButton')).Button,
  FieldLabel: ({ label }: { label: string }) => <label>{label}</label>,
  useConfig: () => ({ config: { serverURL: '', routes: { api: '/api' } } }),
  useDocumentInfo: () => ({ id: 7 }),
  useFormFields: <T,>(select: (state: [typeof fields]) => T) => select([fields]),
}))
const refresh = vi.fn()
vi.mock('next/navigation', () => ({ useRouter: () => ({ refresh }) }))

const { DisputeEvidence } = await import('@/storefront/admin/DisputeEvidence')

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
  refresh.mockClear()
})

describe('DisputeEvidence', () => {
  it('shows buyer-controlled strings as text, never as markup', () => {
    const { container, getByText } = render(<DisputeEvidence />)
    expect(container.querySelector('img')).toBeNull()
    expect(container.querySelector('script')).toBeNull()
    expect(container.textContent).toContain(EVIL)
    expect(getByText('Submit evidence to Stripe')).toBeTruthy()
  })

  it('submits with the recorded reason, busy until the answer, then says so and refreshes', async () => {
    let release!: () => void
    const gate = new Promise<void>((resolve) => (release = resolve))
    const fetchMock = vi.fn(async (_url: string, _init: RequestInit) => {
      await gate
      return new Response('{}', { status: 200 })
    })
    vi.stubGlobal('fetch', fetchMock)
    render(<DisputeEvidence />)
    fireEvent.click(screen.getByRole('button', { name: 'Submit evidence to Stripe' }))
    expect(await screen.findByRole('button', { name: 'Submitting…' })).toBeDisabled()
    const [url, init] = fetchMock.mock.calls[0]
    expect(url).toBe('/api/purchases/7/submit-dispute-evidence')
    expect(JSON.parse(init.body as string)).toEqual({
      reason: 'Submitted the drafted dispute evidence',
    })
    release()
    expect(await screen.findByRole('status')).toHaveTextContent('Submitted to Stripe.')
    expect(screen.getByRole('button', { name: 'Submit evidence to Stripe' })).toBeEnabled()
    expect(refresh).toHaveBeenCalledTimes(1)
  })

  it('a refusal reads as Stripe’s sentence, or "Submitting failed (status)."', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(
        async () => new Response(JSON.stringify({ error: 'Stripe refused it.' }), { status: 502 }),
      ),
    )
    render(<DisputeEvidence />)
    fireEvent.click(screen.getByRole('button', { name: 'Submit evidence to Stripe' }))
    expect(await screen.findByRole('alert')).toHaveTextContent('Stripe refused it.')

    cleanup()
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response('', { status: 500 })),
    )
    render(<DisputeEvidence />)
    fireEvent.click(screen.getByRole('button', { name: 'Submit evidence to Stripe' }))
    expect(await screen.findByRole('alert')).toHaveTextContent('Submitting failed (500).')
    expect(refresh).not.toHaveBeenCalled()
  })
})

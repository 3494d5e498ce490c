import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'

import { BuyButton } from '@/components/BuyButton'

/** The network boundary: answers the button's POST /api/checkout the way the server would. */
function serverAnswers(status: number, body: unknown) {
  let release!: () => void
  const gate = new Promise<void>((resolve) => (release = resolve))
  const fetchMock = vi.fn(async () => {
    await gate
    return new Response(JSON.stringify(body), {
      status,
      headers: { 'Content-Type': 'application/json' },
    })
  })
  vi.stubGlobal('fetch', fetchMock)
  return { fetchMock, release }
}

afterEach(() => {
  cleanup()
  vi.unstubAllGlobals()
})

describe('BuyButton', () => {
  it('is a real form post to /api/checkout carrying the slug, so it works without JavaScript', () => {
    const { container } = render(<BuyButton productSlug="workflow-templates" />)
    const form = container.querySelector('form')!
    expect(form.getAttribute('action')).toBe('/api/checkout')
    expect(form.getAttribute('method')).toBe('post')
    expect((form.querySelector('input[name="productSlug"]') as HTMLInputElement).value).toBe(
      'workflow-templates',
    )
  })

  it('posts the slug as JSON, shows "Preparing checkout…" disabled while pending, then goes to Stripe', async () => {
    const { fetchMock, release } = serverAnswers(200, {
      url: 'https://checkout.stripe.test/c/pay/cs_1',
    })
    const navigate = vi.fn()
    render(<BuyButton productSlug="workflow-templates" navigate={navigate} />)

    fireEvent.click(screen.getByRole('button', { name: 'Buy' }))

    const pendingButton = await screen.findByRole('button', { name: 'Preparing checkout…' })
    expect(pendingButton).toBeDisabled()
    expect(fetchMock).toHaveBeenCalledTimes(1)
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit]
    expect(url).toBe('/api/checkout')
    expect(init.method).toBe('POST')
    expect(JSON.parse(init.body as string)).toEqual({ productSlug: 'workflow-templates' })

    release()
    await waitFor(() =>
      expect(navigate).toHaveBeenCalledWith('https://checkout.stripe.test/c/pay/cs_1'),
    )
  })

  it('sends a signed-out shopper to the login URL the server gives, marked as signing in to buy', async () => {
    const { release } = serverAnswers(401, {
      error: 'Sign in to buy this product.',
      loginUrl: '/login?callbackUrl=%2Fproducts%2Fx',
    })
    release()
    const navigate = vi.fn()
    render(<BuyButton productSlug="x" navigate={navigate} />)
    fireEvent.click(screen.getByRole('button', { name: 'Buy' }))
    await waitFor(() =>
      expect(navigate).toHaveBeenCalledWith('/login?callbackUrl=%2Fproducts%2Fx&intent=buy'),
    )
  })

  it('announces a server error with role="alert" and lets the shopper try again', async () => {
    const { release } = serverAnswers(502, {
      error: 'We could not reach the payment provider to start checkout.',
    })
    release()
    const navigate = vi.fn()
    render(<BuyButton productSlug="x" navigate={navigate} />)
    fireEvent.click(screen.getByRole('button', { name: 'Buy' }))
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'We could not reach the payment provider to start checkout.',
    )
    expect(screen.getByRole('button', { name: 'Buy' })).toBeEnabled()
    expect(navigate).not.toHaveBeenCalled()
  })

  it('announces a network failure with role="alert"', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))),
    )
    render(<BuyButton productSlug="x" navigate={vi.fn()} />)
    fireEvent.click(screen.getByRole('button', { name: 'Buy' }))
    expect(await screen.findByRole('alert')).toHaveTextContent('Could not reach the shop')
  })

  it('with autoStart posts once on its own (back from signing in to buy) and goes to Stripe', async () => {
    const { fetchMock, release } = serverAnswers(200, { url: 'https://checkout.stripe.test/c/2' })
    const navigate = vi.fn()
    const { rerender } = render(
      <BuyButton productSlug="workflow-templates" navigate={navigate} autoStart />,
    )
    expect(await screen.findByRole('button', { name: 'Preparing checkout…' })).toBeDisabled()
    rerender(<BuyButton productSlug="workflow-templates" navigate={navigate} autoStart />)
    release()
    await waitFor(() => expect(navigate).toHaveBeenCalledWith('https://checkout.stripe.test/c/2'))
    expect(fetchMock).toHaveBeenCalledTimes(1)
  })

  it('without autoStart waits for a press', async () => {
    const { fetchMock, release } = serverAnswers(200, { url: 'https://checkout.stripe.test/c/3' })
    release()
    render(<BuyButton productSlug="workflow-templates" navigate={vi.fn()} />)
    expect(screen.getByRole('button', { name: 'Buy' })).toBeEnabled()
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(fetchMock).not.toHaveBeenCalled()
  })
})

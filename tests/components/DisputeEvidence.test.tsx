import { cleanup, render } from '@testing-library/react'
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

vi.mock('@payloadcms/ui', () => ({
  Button: ({ children, onClick }: { children: unknown; onClick?: () => void }) => (
    <button onClick={onClick}>{children as string}</button>
  ),
  FieldLabel: ({ label }: { label: string }) => <label>{label}</label>,
  useConfig: () => ({ config: { serverURL: '', routes: { api: '/api' } } }),
  useDocumentInfo: () => ({ id: 7 }),
  useFormFields: <T,>(select: (state: [typeof fields]) => T) => select([fields]),
}))
vi.mock('next/navigation', () => ({ useRouter: () => ({ refresh: () => {} }) }))

const { DisputeEvidence } = await import('@/storefront/admin/DisputeEvidence')

afterEach(cleanup)

describe('DisputeEvidence', () => {
  it('shows buyer-controlled strings as text, never as markup', () => {
    const { container, getByText } = render(<DisputeEvidence />)
    expect(container.querySelector('img')).toBeNull()
    expect(container.querySelector('script')).toBeNull()
    expect(container.textContent).toContain(EVIL)
    expect(getByText('Submit evidence to Stripe')).toBeTruthy()
  })
})

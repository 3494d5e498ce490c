import type { ServerProps } from 'payload'

import type { SalesDay } from '../operations/salesSummary'

import { userHasRole } from '../access'
import { summariseSales } from '../operations/salesSummary'
import { formatPrice } from '../utilities/formatPrice'

const WIDTH = 720
const HEIGHT = 160
const PAD = 28

const money = (revenue: Record<string, number>) =>
  Object.entries(revenue)
    .map(([currency, amount]) => formatPrice(amount, currency))
    .join(' + ') || formatPrice(0, 'usd')

/** Bars of purchases per day, drawn on the server as SVG (no chart library in the admin bundle). */
function DailyChart({ days }: { days: SalesDay[] }) {
  const most = Math.max(1, ...days.map((day) => day.purchases))
  const slot = (WIDTH - PAD) / days.length
  return (
    <svg
      viewBox={`0 0 ${WIDTH} ${HEIGHT + 20}`}
      width="100%"
      role="img"
      aria-label={`Purchases per day, last ${days.length} days`}
      style={{ maxWidth: WIDTH, display: 'block' }}
    >
      <line x1={PAD} y1={HEIGHT} x2={WIDTH} y2={HEIGHT} stroke="currentColor" strokeOpacity="0.3" />
      <text x={0} y={12} fontSize="11" fill="currentColor">
        {most}
      </text>
      <text x={0} y={HEIGHT} fontSize="11" fill="currentColor">
        0
      </text>
      {days.map((day, index) => {
        const height = (day.purchases / most) * (HEIGHT - 10)
        const x = PAD + index * slot + 2
        return (
          <g key={day.date}>
            <rect
              x={x}
              y={HEIGHT - height}
              width={Math.max(2, slot - 4)}
              height={height}
              fill="var(--theme-success-500, #2f855a)"
            >
              <title>{`${day.date}: ${day.purchases} purchase${day.purchases === 1 ? '' : 's'}, ${money(day.revenue)}`}</title>
            </rect>
            {index % 7 === 0 && (
              <text x={x} y={HEIGHT + 14} fontSize="10" fill="currentColor">
                {day.date.slice(5)}
              </text>
            )}
          </g>
        )
      })}
    </svg>
  )
}

/**
 * The admin dashboard's sales panel, for admins only: paid purchases and revenue per day over the
 * last 30 days, and per product.
 */
export async function SalesPanel({ payload, user }: ServerProps) {
  if (!userHasRole(user, ['admin'])) return null
  const { days, products } = await summariseSales({ payload })
  const total = days.reduce((sum, day) => sum + day.purchases, 0)
  const revenue: Record<string, number> = {}
  for (const day of days)
    for (const [currency, amount] of Object.entries(day.revenue))
      revenue[currency] = (revenue[currency] ?? 0) + amount
  return (
    <section className="storefront-sales" style={{ marginBottom: 'calc(var(--base) * 2)' }}>
      <h2 style={{ marginBottom: 'calc(var(--base) / 2)' }}>Sales, last 30 days</h2>
      <p style={{ margin: '0 0 var(--base)' }}>
        <strong>{total}</strong> paid purchase{total === 1 ? '' : 's'},{' '}
        <strong>{money(revenue)}</strong> (refunded, disputed and complimentary purchases not
        counted).
      </p>
      <DailyChart days={days} />
      <table className="table" style={{ marginTop: 'var(--base)', width: '100%', maxWidth: WIDTH }}>
        <thead>
          <tr>
            <th style={{ textAlign: 'left' }}>Product</th>
            <th style={{ textAlign: 'right' }}>Purchases</th>
            <th style={{ textAlign: 'right' }}>Revenue</th>
          </tr>
        </thead>
        <tbody>
          {products.length === 0 ? (
            <tr>
              <td colSpan={3}>No paid purchases in the last 30 days.</td>
            </tr>
          ) : (
            products.map((product) => (
              <tr key={product.title}>
                <td>{product.title}</td>
                <td style={{ textAlign: 'right' }}>{product.purchases}</td>
                <td style={{ textAlign: 'right' }}>{money(product.revenue)}</td>
              </tr>
            ))
          )}
        </tbody>
      </table>
    </section>
  )
}

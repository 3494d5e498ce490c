import type { EmulatorPriceSpec } from './types'

/** The prices src/seed/demoData.ts gives the demo products, so the seeded shop can sell offline. */
export const demoPrices: EmulatorPriceSpec[] = [
  {
    id: 'price_demo_workflow_templates',
    unitAmount: 4900,
    currency: 'usd',
    productName: 'Workflow Templates',
  },
  {
    id: 'price_demo_discovery_toolkit',
    unitAmount: 2900,
    currency: 'usd',
    productName: 'Discovery Toolkit',
  },
]

import { richTextParagraphs } from './richText'

/** Dev-only accounts. The seed refuses to create them when NODE_ENV=production. */
export const demoUsers = [
  {
    email: 'admin@example.com',
    password: 'demo-admin-password',
    name: 'Ada Admin',
    roles: ['admin'],
  },
  {
    email: 'editor@example.com',
    password: 'demo-editor-password',
    name: 'Eddie Editor',
    roles: ['editor'],
  },
  {
    email: 'support@example.com',
    password: 'demo-support-password',
    name: 'Sam Support',
    roles: ['support'],
  },
  {
    email: 'customer@example.com',
    password: 'demo-customer-password',
    name: 'Casey Customer',
    roles: ['customer'],
  },
] as const

/**
 * The two products of the original spec. Their price ids exist in the offline Stripe emulator;
 * against a real Stripe account, replace them in the admin with your own test-mode prices.
 */
export const demoProducts = [
  {
    title: 'Workflow Templates',
    slug: 'workflow-templates',
    priceCents: 4900,
    currency: 'usd' as const,
    stripePriceId: 'price_demo_workflow_templates',
    assetFilename: 'workflow-templates.zip',
    description: richTextParagraphs(
      'A pack of ready-to-use workflow templates for weekly reviews, project kick-offs and retrospectives.',
      'Delivered as a zip of Markdown files you can drop into any notes app.',
    ),
  },
  {
    title: 'Discovery Toolkit',
    slug: 'discovery-toolkit',
    priceCents: 2900,
    currency: 'usd' as const,
    stripePriceId: 'price_demo_discovery_toolkit',
    assetFilename: 'discovery-toolkit.zip',
    description: richTextParagraphs(
      'Interview guides, synthesis boards and opportunity maps for product discovery.',
      'Everything a small team needs to talk to customers this week.',
    ),
  },
]

import { z } from 'zod'
import { definePinType } from '../../define.js'
import { content } from '../../fields.js'

export const mermaid = definePinType({
  id: 'mermaid',
  category: 'planning',
  source: 'docs',
  purpose: 'A diagram drawn from Mermaid source text.',
  schema: z.strictObject({
    code: content().min(1),
    theme: z.enum(['default', 'dark', 'neutral', 'forest']).optional(),
  }),
  examples: [
    {
      code: [
        'flowchart LR',
        '  PR[Pull request] --> CI{CI green?}',
        '  CI -- no --> Fix[Fix and push]',
        '  Fix --> CI',
        '  CI -- yes --> Staging[Deploy to staging]',
        '  Staging --> Smoke{Smoke tests pass?}',
        '  Smoke -- no --> Rollback[Roll back staging]',
        '  Smoke -- yes --> Prod[Deploy to production]',
      ].join('\n'),
      theme: 'neutral',
    },
    {
      code: [
        'sequenceDiagram',
        '  participant C as Checkout',
        '  participant P as Payments API',
        '  participant S as Stripe',
        '  C->>P: POST /charges',
        '  P->>S: Create PaymentIntent',
        '  S-->>P: requires_action (3DS)',
        '  P-->>C: 402 with redirect URL',
      ].join('\n'),
    },
  ],
  notes:
    '`code` is Mermaid source (flowchart, sequence, gantt, class, state, ER or any other diagram kind), ' +
    'not empty and at most 512 KB. It is not parsed at validation: a diagram with a syntax error is accepted. ' +
    '`theme` defaults to `default`.',
})

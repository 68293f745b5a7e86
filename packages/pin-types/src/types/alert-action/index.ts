import { z } from 'zod'
import { definePinType } from '../../define.js'
import { httpUrl, label, text } from '../../fields.js'

export const alertAction = definePinType({
  id: 'alert-action',
  category: 'content',
  source: 'docs-legacy',
  purpose: 'An alert message with a severity and an optional button to act on it.',
  schema: z.strictObject({
    message: label(),
    title: text(500).optional(),
    severity: z.enum(['info', 'warning', 'critical']).optional(),
    action: z.strictObject({ label: label(100), url: httpUrl() }).optional(),
  }),
  examples: [
    {
      title: 'Checkout error rate above 5%',
      message: 'Card payments are failing for about 8% of EU customers since 09:41 UTC. The on-call engineer is paged.',
      severity: 'critical',
      action: { label: 'Open the incident', url: 'https://incidents.example.com/INC-2231' },
    },
    {
      title: 'TLS certificate expires in 12 days',
      message: 'The certificate for api.example.com expires on 2026-11-30. Renewal is automatic; no action is needed.',
      severity: 'info',
    },
  ],
  notes:
    '`severity` defaults to `info`. When `action` is given, both `label` and `url` are required and the button ' +
    'opens `url` (`http:` or `https:` only).',
})

import { z } from 'zod'
import { definePinType } from '../../define.js'
import { content, label, list } from '../../fields.js'

const item = z.strictObject({
  question: label(1_000),
  answer: content().min(1),
})

export const faq = definePinType({
  id: 'faq',
  category: 'content',
  source: 'ours',
  purpose: 'Frequently asked questions, each with a Markdown answer.',
  schema: z.strictObject({ items: list(item) }),
  examples: [
    {
      items: [
        {
          question: 'Will the billing migration change my invoice dates?',
          answer: 'No. Invoices keep their current dates; only the PDF layout changes.',
        },
        {
          question: 'How do I download invoices from before the migration?',
          answer: 'Go to **Billing → History** and pick *Legacy invoices*. They stay available until 31 December 2027.',
        },
        {
          question: 'Who do I contact if an invoice looks wrong?',
          answer: 'Email [billing@example.com](mailto:billing@example.com) with the invoice number.',
        },
      ],
    },
  ],
  notes: 'Questions are shown in the order given. `answer` is Markdown (up to 512 KB) and must not be empty.',
})

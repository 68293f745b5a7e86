import { z } from 'zod'
import { definePinType } from '../../define.js'
import { fileId, imageUrl, list, text } from '../../fields.js'
import { requireUrlOrFileId } from '../../rules.js'

const picture = z
  .strictObject({
    url: imageUrl().optional(),
    fileId: fileId().optional(),
    alt: text(1_000).optional(),
    caption: text(2_000).optional(),
  })
  .check(requireUrlOrFileId)

export const gallery = definePinType({
  id: 'gallery',
  category: 'media',
  source: 'docs',
  purpose: 'Several pictures shown as a grid.',
  schema: z.strictObject({ images: list(picture, 100).min(1) }),
  examples: [
    {
      images: [
        {
          url: 'https://assets.acme.dev/release/3.4/dashboard-dark.png',
          alt: 'Dashboard in dark mode with the new KPI row',
          caption: 'Dark mode dashboard',
        },
        {
          url: 'https://assets.acme.dev/release/3.4/billing-settings.png',
          alt: 'Billing settings page with the invoice history table',
          caption: 'Invoice history',
        },
        {
          fileId: 'f_3k9q0w',
          alt: 'Mobile view of the pin editor',
          caption: 'Pin editor on a phone',
        },
      ],
    },
  ],
  notes:
    'One to 100 images, shown in the order given. Each image needs `url` or `fileId`; ' +
    '`url` is `http:`/`https:` or an inline `data:image/png|jpeg|gif|webp` URL.',
})

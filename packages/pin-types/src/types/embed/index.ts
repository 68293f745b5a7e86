import { z } from 'zod'
import { definePinType } from '../../define.js'
import { aspectRatio, httpsUrl } from '../../fields.js'

export const embedTypes = ['youtube', 'loom', 'figma', 'vimeo', 'google-docs', 'generic'] as const

export const embed = definePinType({
  id: 'embed',
  category: 'media',
  source: 'docs',
  purpose: 'A third-party page, video or design framed in a sandboxed iframe.',
  schema: z.strictObject({
    url: httpsUrl(),
    type: z.enum(embedTypes).optional(),
    aspectRatio: aspectRatio().optional(),
  }),
  examples: [
    { url: 'https://www.loom.com/embed/4f2c7d9e1a8b4c6d9e0f1a2b3c4d5e6f', type: 'loom', aspectRatio: '16:9' },
    {
      url: 'https://www.figma.com/embed?embed_host=pindown&url=https://www.figma.com/design/Xb12/Checkout-v2',
      type: 'figma',
      aspectRatio: '4:3',
    },
  ],
  notes:
    "`url` must be `https:`; it is framed as given in a sandboxed iframe, so use the provider's embed URL " +
    '(for YouTube `https://www.youtube.com/embed/<id>`). `type` defaults to `generic` and only picks the ' +
    "frame's styling. `aspectRatio` (like `16:9`) defaults to `16:9`.",
})

import type { Store } from '@pindown/store'
import { type CreatedKey, createApiKey } from './auth/api-keys.js'

/** On a first start (no API key at all), creates a workspace and a key with every scope. */
export async function bootstrapFirstKey(store: Store): Promise<CreatedKey | undefined> {
  if ((await store.listApiKeys()).length > 0) return undefined
  return createApiKey(store, { name: 'first key' })
}

export function firstKeyBanner(created: CreatedKey, publicUrl: string): string {
  return [
    '',
    'Created a workspace and its first API key (all scopes). It is shown only this once, so copy it now:',
    '',
    `  ${created.key}`,
    '',
    'Publish your first pin:',
    '',
    `  curl -s ${publicUrl}/v1/pins \\`,
    `    -H 'Authorization: Bearer ${created.key}' \\`,
    `    -H 'Content-Type: application/json' \\`,
    `    -d '{"metadata":{"title":"My First Pin"},"pin_config":{"content":"Hello from **Pindown**"},"is_public":true}'`,
    '',
    `Then open ${publicUrl}/share/pin/<the id it answers> to see it (it updates live when the pin changes).`,
    '',
    'More keys: npx pindown keys create --help',
    '',
  ].join('\n')
}

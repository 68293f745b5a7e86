import { writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import type { Store } from '@pindown/store'
import { type CreatedKey, createApiKey } from './auth/api-keys.js'
import type { Config } from './config.js'
import { createSetupLink } from './people/invites.js'

/** On a first start (no API key at all), creates a workspace and a key with every scope. */
export async function bootstrapFirstKey(store: Store): Promise<CreatedKey | undefined> {
  if ((await store.listApiKeys()).length > 0) return undefined
  return createApiKey(store, { name: 'first key' })
}

/** Where the first key is written when no one is at a terminal to read it: beside the database. */
export function firstKeyFile(config: Config): string {
  const url = config.databaseUrl
  const dir = url.startsWith('sqlite:') && url !== 'sqlite::memory:' ? dirname(url.slice('sqlite:'.length)) : '.'
  return resolve(join(dir, 'first-api-key.txt'))
}

/**
 * Hands the first key over once. At a terminal it is printed, once; otherwise (a service manager, a
 * container, a pipe, whose output is kept in logs) it goes to a file only its owner can read, and the
 * output names the file. Answers the text to print.
 */
export function announceFirstKey(
  created: CreatedKey,
  publicUrl: string,
  where: { readonly tty: boolean; readonly keyFile: string },
): string {
  let handover: string[]
  if (where.tty) {
    handover = [
      'Created a workspace and its first API key (all scopes). It is shown only this once, so copy it now:',
      '',
      `  export PINDOWN_API_KEY=${created.key}`,
    ]
  } else {
    writeFileSync(where.keyFile, `${created.key}\n`, { mode: 0o600 })
    handover = [
      `Created a workspace and its first API key (all scopes), written to ${where.keyFile} (readable only by`,
      'you; the key is not printed where logs keep it). Move it somewhere safe and delete the file:',
      '',
      `  export PINDOWN_API_KEY=$(cat ${where.keyFile})`,
    ]
  }
  return [
    '',
    ...handover,
    '',
    'Publish your first pin:',
    '',
    `  curl -s ${publicUrl}/v1/pins \\`,
    `    -H "Authorization: Bearer $PINDOWN_API_KEY" \\`,
    `    -H 'Content-Type: application/json' \\`,
    `    -d '{"metadata":{"title":"My First Pin"},"pin_config":{"content":"Hello from **Pindown**"},"is_public":true}'`,
    '',
    `Then open ${publicUrl}/share/pin/<the id it answers> to see it (it updates live when the pin changes).`,
    '',
    'More keys: npx pindown keys create --help',
    '',
  ].join('\n')
}

/** With no account yet, a link (valid 24 hours, used once) that creates the workspace owner's account. */
export async function bootstrapSetupLink(store: Store, publicUrl: string): Promise<string | undefined> {
  if ((await store.people.countUsers()) > 0) return undefined
  const [workspace] = await store.listWorkspaces()
  if (!workspace) return undefined
  return createSetupLink({ store }, workspace.id, publicUrl)
}

/** Where the setup link goes when no one is at a terminal: beside the first key's file. */
export const setupLinkFile = (config: Config) => join(dirname(firstKeyFile(config)), 'setup-link.txt')

/** Hands the setup link over like the first key: printed at a terminal, else in a file only its owner reads. */
export function announceSetupLink(link: string, where: { readonly tty: boolean; readonly file: string }): string {
  if (where.tty) {
    return [
      "No one has an account yet. Create the owner's account (link valid 24 hours, once):",
      '',
      `  ${link}`,
      '',
    ].join('\n')
  }
  writeFileSync(where.file, `${link}\n`, { mode: 0o600 })
  return [
    `No one has an account yet. The link that creates the owner's account (valid 24 hours, once) is in`,
    `${where.file} (readable only by you). Or run: npx pindown users create --email you@example.com --role owner`,
    '',
  ].join('\n')
}

import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { homedir } from 'node:os'
import { dirname, join } from 'node:path'
import { ExitError } from './errors.js'

/** What `pindown login` saves: the key and server the `pins` commands use when no flag or variable says. */
export interface UserConfig {
  readonly apiKey?: string
  readonly baseUrl?: string
}

export function userConfigPath(): string {
  const base = process.env.XDG_CONFIG_HOME || join(homedir(), '.config')
  return join(base, 'pindown', 'config.json')
}

export function readUserConfig(): UserConfig {
  const path = userConfigPath()
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch {
    return {}
  }
  try {
    return JSON.parse(text) as UserConfig
  } catch {
    throw new ExitError(`${path} is not valid JSON: fix it or run pindown login again`, 2)
  }
}

/** Writes the config readable by its owner only: it holds a secret. */
export function writeUserConfig(config: UserConfig): string {
  const path = userConfigPath()
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 })
  writeFileSync(path, `${JSON.stringify(config, null, 2)}\n`, { mode: 0o600 })
  chmodSync(path, 0o600)
  return path
}

import { settings } from '@pindown/server/config'

const rows = Object.values(settings).map((s) => [s.env, s.description, s.default || '(derived)'] as const)
const width = Math.max(...rows.map(([env]) => env.length))

export const settingsHelp = [
  '',
  'Environment:',
  ...rows.map(([env, description, fallback]) => `  ${env.padEnd(width)}  ${description} [default: ${fallback}]`),
].join('\n')

import { readFileSync } from 'node:fs'
import { basename, extname } from 'node:path'
import type { CreatePinInput } from '@pindownai/client-js'
import { ExitError } from '../../errors.js'

/** Reads `--file`, or stdin when no file is named (or the file is `-`). */
export function readInput(file: string | undefined): { text: string; name: string | undefined } {
  if (file === undefined || file === '-') {
    if (process.stdin.isTTY)
      throw new ExitError('nothing to read: pass --file <path> or pipe JSON or markdown on stdin', 2)
    return { text: readFileSync(0, 'utf8'), name: undefined }
  }
  try {
    return { text: readFileSync(file, 'utf8'), name: file }
  } catch (error) {
    throw new ExitError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, 2)
  }
}

function titleOf(markdown: string, name: string | undefined): string {
  const heading = /^#{1,6}\s+(.+?)\s*#*\s*$/m.exec(markdown)?.[1]
  return (heading ?? (name ? basename(name, extname(name)) : 'Untitled')).slice(0, 200)
}

/**
 * A create body from a file's text: JSON is taken as the body itself; anything else (a `.md` file or
 * markdown on stdin) becomes a markdown pin titled by its first heading or its file name.
 */
export function pinFromText(text: string, name: string | undefined): CreatePinInput {
  const isJson = name ? extname(name).toLowerCase() === '.json' : /^\s*[{[]/.test(text)
  if (!isJson) {
    return { pin_type: 'markdown', pin_config: { content: text }, metadata: { title: titleOf(text, name) } }
  }
  let body: unknown
  try {
    body = JSON.parse(text)
  } catch (error) {
    throw new ExitError(`${name ?? 'stdin'} is not valid JSON: ${(error as Error).message}`, 2)
  }
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw new ExitError(`${name ?? 'stdin'} must hold one JSON object (a create body)`, 2)
  }
  return body as CreatePinInput
}

/** `--tags a, b,,c` → `['a', 'b', 'c']`. */
export function parseTags(list: string): string[] {
  return list
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean)
}

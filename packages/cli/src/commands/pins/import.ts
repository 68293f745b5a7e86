import { readdirSync } from 'node:fs'
import { extname, join } from 'node:path'
import type { CreatePinInput } from '@pindownai/client-js'
import { ExitError } from '../../errors.js'
import { progressBar } from '../../progress.js'
import { apiClient, type ClientOptions, call, printJson } from '../api-client.js'
import { parseTags, pinFromText, readInput } from './pin-input.js'

const batchSize = 50

export interface PinsImportOptions extends ClientOptions {
  readonly tags?: string
}

interface Outcome {
  readonly file: string
  readonly id?: string
  readonly error?: string
}

function filesIn(dir: string): string[] {
  let entries: string[]
  try {
    entries = readdirSync(dir, { recursive: true }) as string[]
  } catch (error) {
    throw new ExitError(`cannot read ${dir}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, 2)
  }
  return entries.filter((f) => ['.json', '.md', '.markdown'].includes(extname(f).toLowerCase())).sort()
}

/** Creates one pin per `.json` or `.md` file under `dir`, 50 to a batch, with progress and a summary. */
export async function pinsImport(dir: string, options: PinsImportOptions): Promise<void> {
  const files = filesIn(dir)
  if (files.length === 0) throw new ExitError(`no .json or .md files in ${dir}`, 2)
  const client = apiClient(options)
  const tags = options.tags === undefined ? undefined : parseTags(options.tags)
  const outcomes: Outcome[] = []
  const progress = progressBar('Importing', files.length)
  progress(0)
  for (let start = 0; start < files.length; start += batchSize) {
    const chunk = files.slice(start, start + batchSize)
    const bodies: CreatePinInput[] = []
    const readable: string[] = []
    for (const file of chunk) {
      try {
        const { text, name } = readInput(join(dir, file))
        const body = pinFromText(text, name)
        bodies.push(tags ? ({ ...body, metadata: { ...body.metadata, tags } } as CreatePinInput) : body)
        readable.push(file)
      } catch (error) {
        outcomes.push({ file, error: (error as Error).message })
      }
    }
    if (bodies.length > 0) {
      const result = await call(() => client.pins.batch.create(bodies))
      for (const c of result.created) outcomes.push({ file: readable[c.index]!, id: c.id })
      for (const f of result.failed)
        outcomes.push({ file: readable[f.index]!, error: `${f.error.code}: ${f.error.message}` })
    }
    progress(Math.min(files.length, start + batchSize))
  }
  const failed = outcomes.filter((o) => o.error !== undefined)
  const batches = Math.ceil(files.length / batchSize)
  if (options.json) printJson(outcomes)
  else {
    console.log(`Imported ${outcomes.length - failed.length} of ${files.length} files in ${batches} batches.`)
    for (const f of failed) console.log(`  failed ${f.file}: ${f.error}`)
  }
  if (failed.length > 0) throw new ExitError(`${failed.length} of ${files.length} files failed`, 1)
}

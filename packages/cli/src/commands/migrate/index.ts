import { isDeepStrictEqual } from 'node:util'
import { openStore, type Store } from '@pindown/store'
import { ExitError } from '../../errors.js'
import { progressBar } from '../../progress.js'

export interface MigrateOptions {
  readonly from: string
  readonly to: string
  readonly workspace?: string
  /** Pins checked field by field at the end, per workspace. */
  readonly sample?: string
}

const page = 1_000

async function open(url: string, role: string): Promise<Store> {
  try {
    return await openStore({ url })
  } catch (error) {
    throw new ExitError(`cannot open the ${role} store: ${(error as Error).message}`, 2)
  }
}

/**
 * Copies workspaces, API keys (as hashes: the same keys keep working) and pins from one store to another.
 * Resumable: what the target already has is skipped, so a stopped run can simply be started again. Ends by
 * comparing counts and a sample of pins.
 */
export async function migrate(options: MigrateOptions): Promise<void> {
  if (options.from === options.to) throw new ExitError('--from and --to name the same store', 2)
  const source = await open(options.from, 'source')
  const target = await open(options.to, 'target')
  try {
    const workspaces = (await source.listWorkspaces()).filter((w) => !options.workspace || w.id === options.workspace)
    if (workspaces.length === 0)
      throw new ExitError(
        options.workspace ? `no workspace ${options.workspace} in the source` : 'the source has no workspace',
        1,
      )
    let mismatches = 0
    for (const workspace of workspaces) {
      if (!(await target.getWorkspace(workspace.id))) await target.createWorkspace(workspace)
      for (const key of await source.listApiKeys(workspace.id)) {
        if (!(await target.findApiKeyByHash(key.hash))) await target.createApiKey(key)
      }
      const total = (await source.listPins(workspace.id, { limit: 1, offset: 0 })).total
      const progress = progressBar(`${workspace.id}`, total)
      let done = 0
      let copied = 0
      let after: { createdAt: number; id: string } | undefined
      for (;;) {
        const batch = await source.listPins(workspace.id, { limit: page, offset: 0, ...(after && { after }) })
        if (batch.items.length === 0) break
        const present = new Set(
          (
            await target.getPins(
              workspace.id,
              batch.items.map((p) => p.id),
            )
          ).map((p) => p.id),
        )
        const missing = batch.items.filter((p) => !present.has(p.id))
        await target.insertPins(missing)
        copied += missing.length
        done += batch.items.length
        progress(done)
        const last = batch.items.at(-1)!
        after = { createdAt: last.createdAt, id: last.id }
        if (!batch.hasMore) break
      }
      if (total === 0) progress(0)
      const targetTotal = (await target.listPins(workspace.id, { limit: 1, offset: 0 })).total
      const sample = await checkSample(source, target, workspace.id, Number(options.sample ?? 50))
      const ok = targetTotal === total && sample.differing.length === 0
      if (!ok) mismatches++
      console.log(
        `${workspace.id}: ${copied} pins copied (${total - copied} already there); source ${total}, target ${targetTotal}; ` +
          `${sample.checked} sampled pins ${sample.differing.length === 0 ? 'identical' : `differ: ${sample.differing.join(', ')}`}`,
      )
    }
    if (mismatches > 0) throw new ExitError(`${mismatches} workspace(s) do not match after the copy`, 1)
    console.log(`Done: ${workspaces.length} workspace(s) match.`)
  } finally {
    await source.close()
    await target.close()
  }
}

async function checkSample(source: Store, target: Store, workspaceId: string, size: number) {
  const { total } = await source.listPins(workspaceId, { limit: 1, offset: 0 })
  const offsets = new Set<number>()
  while (offsets.size < Math.min(size, total)) offsets.add(Math.floor(Math.random() * total))
  const differing: string[] = []
  for (const offset of offsets) {
    const [pin] = (await source.listPins(workspaceId, { limit: 1, offset })).items
    if (!pin) continue
    if (!isDeepStrictEqual(await target.getPin(workspaceId, pin.id), pin)) differing.push(pin.id)
  }
  return { checked: offsets.size, differing }
}

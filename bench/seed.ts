import type { PinRecord, Store } from '@pindown/store'

export const seedEpoch = 1_700_000_000_000

/** The id of the i-th seeded pin of a workspace: deterministic, so workloads can address any of them. */
export const seededId = (workspace: string, i: number) => `p-${workspace.slice(-2)}${i.toString(36).padStart(10, '0')}`

function seededPin(workspaceId: string, i: number): PinRecord {
  return {
    id: seededId(workspaceId, i),
    workspaceId,
    pinType: 'stat-cards',
    pinConfig: {
      cards: [
        { title: 'Revenue', value: `$${(i * 37) % 100_000}`, change: '+4.2%', trend: 'up' },
        { title: 'Orders', value: i % 5000, change: '-1.1%', trend: 'down' },
      ],
    },
    pinLayout: '2x1',
    dataType: 'pin-card',
    title: `Daily KPIs #${i}`,
    tags: i % 10 === 0 ? ['exec'] : [],
    isPublic: false,
    allowEdit: false,
    requireSignIn: false,
    allowComments: false,
    pendingInvites: {},
    createdAt: seedEpoch + i,
    updatedAt: seedEpoch + i,
    version: 1,
    updatedBy: null,
  }
}

/** Bulk-loads `count` pins through the store's batch insert, reporting progress. */
export async function seed(store: Store, workspaceId: string, count: number, progress: (done: number) => void) {
  const chunk = 10_000
  for (let start = 0; start < count; start += chunk) {
    const pins: PinRecord[] = []
    for (let i = start; i < Math.min(count, start + chunk); i++) pins.push(seededPin(workspaceId, i))
    await store.insertPins(pins)
    progress(Math.min(count, start + chunk))
  }
}

/** The list cursor positioned after the i-th newest seeded pin (same encoding as the server's). */
export function cursorAfter(workspaceId: string, count: number, position: number): string {
  const i = count - 1 - position
  return Buffer.from(JSON.stringify([seedEpoch + i, seededId(workspaceId, i)])).toString('base64url')
}

import pg from 'pg'

/** Whether this test run includes PostgreSQL (see scripts/test.mjs). */
export const postgresWanted = () => (process.env.STORES ?? '').split(',').includes('postgres')

/** A fresh, empty database on the test cluster; `drop()` removes it. */
export async function newPostgresDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const admin = process.env.PINDOWN_TEST_POSTGRES_URL
  if (!admin) throw new Error('PINDOWN_TEST_POSTGRES_URL is not set: run the tests through npm test (scripts/test.mjs)')
  const name = `pindown_test_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`
  const client = new pg.Client({ connectionString: admin })
  await client.connect()
  await client.query(`CREATE DATABASE ${name}`)
  await client.end()
  const url = admin.replace(/\/[^/]*$/, `/${name}`)
  return {
    url,
    async drop() {
      const c = new pg.Client({ connectionString: admin })
      await c.connect()
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
      await c.end()
    },
  }
}

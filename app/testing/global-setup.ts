import { createTemplateDatabase, ensureTestServer } from './test-database'

export default async function setup() {
  const server = await ensureTestServer()
  if (!process.env.TEST_TEMPLATE_READY) {
    await createTemplateDatabase(server.adminUrl)
    process.env.TEST_TEMPLATE_READY = '1'
  }
  return server.stop
}

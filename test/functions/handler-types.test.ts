import { z } from 'zod'
import { actionsFrom } from '../../cloudfunctions/src/shared/handler'

const Request = z.discriminatedUnion('action', [
  z.object({ action: z.literal('get'), id: z.string() }).strict(),
  z.object({ action: z.literal('list') }).strict(),
])
interface Results {
  get: { id: string }
  list: { items: string[] }
}

describe('actionsFrom with a results map', () => {
  it('should build one table entry per action', () => {
    const table = actionsFrom<typeof Request, Results>(Request, {
      get: { run: async ({ id }) => ({ id }) },
      list: { run: async () => ({ items: [] }) },
    })
    expect(Object.keys(table).sort()).toEqual(['get', 'list'])
  })

  it('should not compile a handler that answers another shape than its action’s result', () => {
    const build = () =>
      actionsFrom<typeof Request, Results>(Request, {
        // @ts-expect-error `get` answers { id }, not { items }
        get: { run: async () => ({ items: [] }) },
        list: { run: async () => ({ items: [] }) },
      })
    expect(build).not.toThrow()
  })
})

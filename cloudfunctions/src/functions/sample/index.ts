import { HelloRequest, type HelloResult } from '../../contracts/sample'
import { businessDay } from '../../domain/business-day'
import { now } from '../../shared/clock'
import { database, DUPLICATE_KEY, errCode, result } from '../../shared/cloud'
import { action, defineFunction } from '../../shared/handler'

async function countVisit(openid: string): Promise<number> {
  const db = database()
  const doc = db.collection('sample_visits').doc(openid)
  for (let attempt = 0; attempt < 3; attempt++) {
    const res = await result(doc.update({ data: { visits: db.command.inc(1) } }))
    if (res.stats.updated === 1) break
    try {
      await db.collection('sample_visits').add({ data: { _id: openid, visits: 1 } })
      break
    } catch (err) {
      if (errCode(err) !== DUPLICATE_KEY) throw err
    }
  }
  const { data } = await result(doc.get())
  return (data as { visits: number }).visits
}

export const main = defineFunction({
  hello: action({
    schema: HelloRequest,
    run: async (_input, { who }): Promise<HelloResult> => {
      return { openid: who.openid, businessDay: businessDay(now()), visits: await countVisit(who.openid) }
    },
  }),
})

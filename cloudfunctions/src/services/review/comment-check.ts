/** msgSecCheck v2 on a teacher's comment (scene 2 = 评论). A failing check holds nothing back: teachers are staff. */
import type { Verdict } from '../../domain/camp'
import { errCode, openapi } from '../../shared/cloud'

const SCENE_COMMENT = 2

interface SecurityApi {
  security: { msgSecCheck(p: Record<string, unknown>): Promise<{ result?: { suggest?: string } }> }
}

export async function checkComment(openid: string, text: string): Promise<Verdict> {
  if (!text.trim()) return 'pass'
  try {
    const res = await openapi<SecurityApi>().security.msgSecCheck({
      openid,
      scene: SCENE_COMMENT,
      version: 2,
      content: text,
    })
    const s = res.result?.suggest
    return s === 'pass' || s === 'risky' ? s : 'review'
  } catch (err) {
    console.warn('[review] msgSecCheck failed', errCode(err))
    return 'review'
  }
}

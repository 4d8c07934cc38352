import type { MySignupView } from '@cloud/contracts/class-views'
import { cancelSignup } from './api'
import { confirm, toast } from '@/shared/ui/feedback'

/** Asks first, then cancels; answers the cancelled signup, or null when kept or refused (the reason is toasted). */
/** `points`: the class's signup award, or null when the page does not know it. */
export async function confirmCancel(signup: MySignupView, points: number | null): Promise<MySignupView | null> {
  const award = points === null ? '，如获得过报名奖励积分将被扣回' : `，报名奖励的 ${points} 积分将被扣回`
  const extra = signup.status === 'confirmed' && points !== 0 ? award : ''
  const confirmed = await confirm({
    title: '取消报名',
    content: `确定取消「${signup.classTitle}」的报名吗${extra}？`,
    confirmText: '取消报名',
    cancelText: '再想想',
  })
  if (!confirmed) return null
  const res = await cancelSignup(signup.classId)
  if (res.code !== 0) {
    toast(res.message)
    return null
  }
  toast('已取消报名')
  return res.data
}

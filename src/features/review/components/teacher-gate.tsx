import { View } from '@tarojs/components'
import Empty from '@/shared/ui/empty'
import { isAdmin, useMe, type Me } from '@/shared/session'
import { COLORS } from '@/shared/ui/tokens'

export const canReview = (me: Me | null): boolean => !!me && (me.isTeacher || isAdmin(me))

/**
 * Shows teacher pages only to teachers and admins. Cosmetic: the review function checks every action; this spares a
 * member a page of refusals. Children get the caller (the teacher id names their voice uploads).
 */
export default function TeacherGate({ children }: { children: (me: Me) => React.ReactNode }) {
  const { loading, me } = useMe()
  if (loading) return <View style={{ padding: '48px 0', textAlign: 'center', color: COLORS.text3 }}>加载中…</View>
  if (!me || !canReview(me)) return <Empty description='仅带班老师可以使用点评工作台' />
  return <>{children(me)}</>
}

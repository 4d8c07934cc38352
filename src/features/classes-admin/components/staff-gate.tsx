import { View } from '@tarojs/components'
import Empty from '@/shared/ui/empty'
import { isAdmin, useMe, type Me } from '@/shared/session'

export const isStaff = (me: Me | null) => isAdmin(me) || !!me?.isTeacher

/** Shows the pages to admins and teachers; cosmetic, every action is checked by the `classes` function. */
export default function StaffGate({ children }: { children: (me: Me) => React.ReactNode }) {
  const { loading, me } = useMe()
  if (loading) return <View className='classes-admin__loading'>加载中…</View>
  if (!me || !isStaff(me)) return <Empty description='仅老师和运营人员可以使用该功能' />
  return <>{children(me)}</>
}

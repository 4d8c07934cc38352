import { View } from '@tarojs/components'
import Empty from '@/shared/ui/empty'
import { isAdmin, useMe } from '@/shared/session'
import { COLORS } from '@/shared/ui/tokens'

/**
 * Shows admin pages only to admins. Cosmetic: every admin action is checked by the cloud function, this only spares
 * a member a page of refusals.
 */
export default function AdminGate({ children }: { children: React.ReactNode }) {
  const { loading, me } = useMe()
  if (loading) return <View style={{ padding: '48px 0', textAlign: 'center', color: COLORS.text3 }}>加载中…</View>
  if (!isAdmin(me)) return <Empty description='仅运营人员可以使用该功能' />
  return <>{children}</>
}

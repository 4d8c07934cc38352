import { View } from '@tarojs/components'
import Empty from '@/shared/ui/empty'
import { isAdmin, useMe, type Me } from '@/shared/session'
import { COLORS } from '@/shared/ui/tokens'

/** admin: operators only; staff: teachers and operators. */
export type GateRole = 'admin' | 'staff'

const ALLOWS: Record<GateRole, (me: Me) => boolean> = {
  admin: (me) => isAdmin(me),
  staff: (me) => me.isTeacher || isAdmin(me),
}

const REFUSAL: Record<GateRole, string> = {
  admin: '仅运营人员可以使用该功能',
  staff: '仅老师和运营人员可以使用该功能',
}

export const hasRole = (me: Me | null, role: GateRole): me is Me => !!me && ALLOWS[role](me)

interface Props {
  role: GateRole
  /** What a caller without the role reads instead of the page. */
  refusal?: string
  /** The page; a function gets the caller (e.g. the teacher id that names their uploads). */
  children: React.ReactNode | ((me: Me) => React.ReactNode)
}

/**
 * The one role gate of staff pages. Cosmetic: every action is checked by its cloud function against the roles stored
 * server-side; this only spares a member a page of refusals.
 */
export default function RoleGate({ role, refusal, children }: Props) {
  const { loading, me } = useMe()
  if (loading)
    return (
      <View role='status' aria-label='加载中' style={{ padding: '48px 0', textAlign: 'center', color: COLORS.text3 }}>
        加载中…
      </View>
    )
  if (!hasRole(me, role)) return <Empty description={refusal ?? REFUSAL[role]} />
  return <>{typeof children === 'function' ? children(me) : children}</>
}

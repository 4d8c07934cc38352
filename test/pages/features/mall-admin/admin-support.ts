import { refreshMe } from '@/shared/session'
import { ok } from '../mall/support'

/** identity.me answers for an admin and for a plain member; the session cache is cleared so each test asks again. */
export const adminMe = ok({ openid: 'admin-01', nickname: '运营小王', isAdmin: true, isTeacher: false })
export const memberMe = ok({ openid: 'm-01', nickname: '学员', isAdmin: false, isTeacher: false })

export function freshSession(): void {
  refreshMe()
}

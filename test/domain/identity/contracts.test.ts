import { GrantRoleRequest, MemberRequest, ProfileUpdateRequest } from '@cloud/contracts/identity'
import { publicIdOf } from '@cloud/domain/identity/public-id'

describe('identity contracts', () => {
  it('should accept a profile update and refuse a 21-character nickname', () => {
    expect(ProfileUpdateRequest.safeParse({ action: 'updateProfile', nickname: '小'.repeat(20), grade: 'g3' }).success).toBe(true)
    expect(ProfileUpdateRequest.safeParse({ action: 'updateProfile', nickname: '小'.repeat(21) }).success).toBe(false)
  })

  it('should refuse unknown fields and non-cloud avatar ids', () => {
    expect(ProfileUpdateRequest.safeParse({ action: 'updateProfile', roles: ['admin'] }).success).toBe(false)
    expect(ProfileUpdateRequest.safeParse({ action: 'updateProfile', avatarFileId: 'https://x/y.png' }).success).toBe(false)
  })

  it('should not let anyone grant the member role through grantRole', () => {
    expect(GrantRoleRequest.safeParse({ action: 'grantRole', member: publicIdOf('oM'), role: 'member', grant: false }).success).toBe(false)
    expect(MemberRequest.safeParse({ action: 'grantRole', member: publicIdOf('oM'), role: 'teacher', grant: true }).success).toBe(true)
    // Openids never come from a client: only a public-id handle is accepted.
    expect(MemberRequest.safeParse({ action: 'grantRole', memberId: 'oM', role: 'teacher', grant: true }).success).toBe(false)
    expect(MemberRequest.safeParse({ action: 'grantRole', member: 'oM', role: 'teacher', grant: true }).success).toBe(false)
  })
})

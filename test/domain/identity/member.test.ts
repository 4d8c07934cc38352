import { changeRoles, newMember, planProfileUpdate } from '@cloud/domain/identity'

describe('members', () => {
  it('should create a member keyed by openid with the member role and layer L1', () => {
    expect(newMember('oM', 5, { channel: 'poster', posterCode: 'AB12' })).toMatchObject({
      _id: 'oM',
      roles: ['member'],
      layer: 'L1',
      firstChannel: 'poster',
      firstPosterCode: 'AB12',
      createdAt: 5,
    })
  })

  it('should grant and revoke roles as a set, never removing member', () => {
    expect(changeRoles(['member'], 'teacher', true)).toEqual(['member', 'teacher'])
    expect(changeRoles(['member', 'teacher'], 'teacher', true)).toEqual(['member', 'teacher'])
    expect(changeRoles(['member', 'teacher', 'admin'], 'teacher', false)).toEqual(['member', 'admin'])
    expect(changeRoles(['member'], 'member', false)).toEqual(['member'])
  })

  it('should patch only the profile fields given, trimming the nickname', () => {
    expect(planProfileUpdate({ nickname: '  小明 ', subjects: ['english', 'english'] }, 9)).toEqual({
      nickname: '小明',
      subjects: ['english'],
      updatedAt: 9,
    })
  })
})

import { useCallback, useEffect, useState } from 'react'
import { Picker, View } from '@tarojs/components'
import type { SessionView } from '@cloud/contracts/class-views'
import Button from '@/shared/ui/button'
import Field from '@/shared/ui/field'
import Segmented from '@/shared/ui/segmented'
import { isAdmin, type Me } from '@/shared/session'
import { SUBJECT_CHOICES } from '@/shared/options/grade-subject'
import { redirectTo, routeParam } from '@/shared/route'
import { classDetail, createClass, updateClass } from '../../api'
import { checkDraft, draftOf, emptyDraft, type ClassDraft, type DraftErrors } from '../../class-form-model'
import GradeChips from '../../components/grade-chips'
import SessionEditor from '../../components/session-editor'
import RoleGate from '@/shared/ui/role-gate'
import '../../classes-admin.scss'
import LoadError from '@/shared/ui/load-error'
import { useSubmission } from '@/shared/request-id/use-submission'
import { toast } from '@/shared/ui/feedback'
import { Loading } from '@/shared/ui/page-state'

const SHELF = [
  { value: 'on', label: '上架报名' },
  { value: 'off', label: '下架' },
] as const

function ClassForm({ me }: { me: Me }) {
  const classId = routeParam('classId')
  const canEdit = isAdmin(me)
  const [draft, setDraft] = useState<ClassDraft>(emptyDraft)
  const [sessions, setSessions] = useState<SessionView[]>([])
  const [errors, setErrors] = useState<DraftErrors>({})
  const [load, setLoad] = useState<'loading' | 'ready' | string>(classId ? 'loading' : 'ready')
  const submission = useSubmission()
  const busy = submission.busy
  const set = (patch: Partial<ClassDraft>) => setDraft((d) => ({ ...d, ...patch }))

  const fetchClass = useCallback(async () => {
    if (!classId) return
    const res = await classDetail(classId)
    if (res.code !== 0) return setLoad(res.message)
    setDraft(draftOf(res.data.cls))
    setSessions(res.data.sessions)
    setLoad('ready')
  }, [classId])
  useEffect(() => {
    void fetchClass()
  }, [fetchClass])

  const save = async () => {
    const checked = checkDraft(draft)
    if (!checked.ok) return setErrors(checked.errors)
    setErrors({})
    const res = await submission.run((requestId) => (classId ? updateClass(classId, checked.input) : createClass(checked.input, requestId)))
    if (!res) return
    if (res.code !== 0) return void toast(res.message)
    toast('已保存')
    // A new class opens again with its id, where sessions can be added.
    const id = res.data.id
    if (!classId)
      setTimeout(
        () =>
          void Promise.resolve()
            .then(() => redirectTo('classes-admin/form', { classId: id }))
            .catch(() => undefined),
        800,
      )
  }

  if (load === 'loading') return <Loading />
  if (load !== 'ready') {
    return <LoadError message={load} onRetry={() => void fetchClass()} />
  }
  const subjectIndex = SUBJECT_CHOICES.findIndex((s) => s.value === draft.subject)
  return (
    <View className='classes-admin'>
      <Field
        id='class-title'
        label='课程名称'
        required
        value={draft.title}
        error={errors.title}
        disabled={!canEdit}
        onInput={(title) => set({ title })}
      />
      <Picker
        id='class-subject'
        mode='selector'
        range={SUBJECT_CHOICES.map((s) => s.label)}
        value={subjectIndex}
        disabled={!canEdit}
        onChange={(e) => set({ subject: SUBJECT_CHOICES[Number(e.detail.value)].value })}
      >
        <View className='classes-admin__row'>
          科目 <View>{SUBJECT_CHOICES[subjectIndex]?.label} ›</View>
        </View>
      </Picker>
      <View className='classes-admin__label'>适合年级</View>
      <GradeChips value={draft.grades} onChange={(grades) => canEdit && set({ grades })} />
      {errors.grades ? <View className='classes-admin__error'>{errors.grades}</View> : null}
      <Field
        id='class-teacher'
        label='主讲老师'
        required
        value={draft.teacherName}
        error={errors.teacherName}
        disabled={!canEdit}
        onInput={(teacherName) => set({ teacherName })}
      />
      <Field
        id='class-description'
        label='课程介绍'
        multiline
        maxlength={1000}
        value={draft.description}
        error={errors.description}
        disabled={!canEdit}
        onInput={(description) => set({ description })}
      />
      <Field
        id='class-points'
        label='报名奖励积分'
        type='number'
        value={draft.signupPoints}
        error={errors.signupPoints}
        hint='每位学员每门课最多获得一次，取消报名时扣回'
        disabled={!canEdit}
        onInput={(signupPoints) => set({ signupPoints })}
      />
      <View className='classes-admin__card'>
        <Segmented
          id='class-shelf'
          options={SHELF}
          value={draft.onShelf ? 'on' : 'off'}
          disabled={!canEdit}
          onChange={(v) => set({ onShelf: v === 'on' })}
        />
      </View>
      {canEdit ? (
        <View className='classes-admin__card'>
          <Button id='class-save' type='primary' block round loading={busy} disabled={busy} onClick={() => void save()}>
            {classId ? '保存修改' : '创建免费课'}
          </Button>
        </View>
      ) : null}
      {classId ? <SessionEditor classId={classId} sessions={sessions} canEdit={canEdit} onAdded={() => void fetchClass()} /> : null}
    </View>
  )
}

export default function ClassFormPage() {
  return <RoleGate role='staff'>{(me) => <ClassForm me={me} />}</RoleGate>
}

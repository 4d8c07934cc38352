import { useState } from 'react'
import { Picker, View } from '@tarojs/components'
import type { SessionView } from '@cloud/contracts/class-views'
import Button from '@/shared/ui/button'
import Field from '@/shared/ui/field'
import Segmented from '@/shared/ui/segmented'
import { isAdmin, type Me } from '@/shared/session'
import { SUBJECT_CHOICES } from '@/shared/options/grade-subject'
import { redirectTo, useRouteParam } from '@/shared/route'
import { classDetail, createClass, updateClass } from '../../api'
import { checkDraft, draftOf, emptyDraft, type ClassDraft, type DraftErrors } from '../../class-form-model'
import GradeChips from '../../components/grade-chips'
import SessionEditor from '../../components/session-editor'
import RoleGate from '@/shared/ui/role-gate'
import '../../classes-admin.scss'
import { useSubmission } from '@/shared/request-id/use-submission'
import { toast } from '@/shared/ui/feedback'
import PageState, { useLoad } from '@/shared/ui/page-state'

const SHELF = [
  { value: 'on', label: '上架报名' },
  { value: 'off', label: '下架' },
] as const

/** What the form opens with: the class as saved and its sessions (an empty draft and none for a new class). */
interface ClassFormStart {
  draft: ClassDraft
  sessions: SessionView[]
}

const NEW_CLASS: ClassFormStart = { draft: emptyDraft(), sessions: [] }

function ClassForm({ me }: { me: Me }) {
  const classId = useRouteParam('classId')
  // A new class has nothing to load: the empty form at once.
  const { load, reload, update } = useLoad<ClassFormStart>(
    async () => {
      const res = await classDetail(classId)
      return res.code === 0 ? { code: 0, data: { draft: draftOf(res.data.cls), sessions: res.data.sessions } } : res
    },
    classId,
    classId ? undefined : NEW_CLASS,
  )
  // After a session is added only the sessions are read again: the fields being edited stay as typed.
  const refreshSessions = async () => {
    const res = await classDetail(classId)
    if (res.code !== 0) return void toast(res.message)
    update((start) => ({ ...start, sessions: res.data.sessions }))
  }
  return (
    <PageState load={load} onRetry={() => void reload()}>
      {(start) => <ClassEditor me={me} classId={classId} start={start} onSessionAdded={() => void refreshSessions()} />}
    </PageState>
  )
}

/** The form itself, filled with the loaded class (`start`); sessions can be added once the class exists. */
function ClassEditor(props: { me: Me; classId: string; start: ClassFormStart; onSessionAdded: () => void }) {
  const { me, classId, start } = props
  const canEdit = isAdmin(me)
  const [draft, setDraft] = useState<ClassDraft>(start.draft)
  const [errors, setErrors] = useState<DraftErrors>({})
  const submission = useSubmission()
  const busy = submission.busy
  const set = (patch: Partial<ClassDraft>) => setDraft((d) => ({ ...d, ...patch }))

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
      {classId ? <SessionEditor classId={classId} sessions={start.sessions} canEdit={canEdit} onAdded={props.onSessionAdded} /> : null}
    </View>
  )
}

export default function ClassFormPage() {
  return <RoleGate role='staff'>{(me) => <ClassForm me={me} />}</RoleGate>
}

import { useState } from 'react'
import { Image, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import RoleGate from '@/shared/ui/role-gate'
import Button from '@/shared/ui/button'
import Field from '@/shared/ui/field'
import Segmented from '@/shared/ui/segmented'
import { fileSrc } from '@/shared/cloud'
import { GRADE_CHOICES, SUBJECT_CHOICES } from '@/shared/options/grade-subject'
import { useRouteParam } from '@/shared/route'
import type { UnlockKind } from '@cloud/domain/materials'
import { createMaterial, getMaterial, updateMaterial } from '../../api'
import ChoiceChips from '../../components/choice-chips'
import ClassChoice from '../../components/class-choice'
import FileRows from '../../components/file-rows'
import Section from '../../components/form-section'
import { useFileUploads } from '../../hooks/use-file-uploads'
import { draftOf, emptyDraft, toInput, type DraftErrors, type MaterialDraft } from '../../material-form-model'
import './index.scss'
import { useSubmission } from '@/shared/request-id/use-submission'
import { toast, toastSuccess } from '@/shared/ui/feedback'
import PageState, { useLoad } from '@/shared/ui/page-state'

const MAX_FILES = 9
const RULES: { value: UnlockKind; label: string }[] = [
  { value: 'free', label: '免费' },
  { value: 'signup', label: '报名免费课' },
  { value: 'points', label: '积分解锁' },
  { value: 'invites', label: '邀请解锁' },
]
const SHELF = [
  { value: 'on', label: '上架' },
  { value: 'off', label: '暂不上架' },
] as const

function MaterialForm() {
  const materialId = useRouteParam('materialId')
  // A new material has nothing to load: the empty form at once.
  const { load, reload } = useLoad<MaterialDraft>(
    async () => {
      const res = await getMaterial(materialId)
      return res.code === 0 ? { code: 0, data: draftOf(res.data) } : res
    },
    materialId,
    materialId ? undefined : emptyDraft(),
  )
  return (
    <PageState load={load} onRetry={() => void reload()}>
      {(initial) => <MaterialEditor materialId={materialId} initial={initial} />}
    </PageState>
  )
}

/** The form itself, filled with the loaded material (`initial`) or empty for a new one. */
function MaterialEditor({ materialId, initial }: { materialId: string; initial: MaterialDraft }) {
  const [draft, setDraft] = useState<MaterialDraft>(initial)
  const [errors, setErrors] = useState<DraftErrors>({})
  const submission = useSubmission()
  const uploads = useFileUploads()
  const set = (patch: Partial<MaterialDraft>) => setDraft((d) => ({ ...d, ...patch }))

  const addFiles = async () => {
    const added = await uploads.pickAndUpload(MAX_FILES - draft.files.length)
    if (added.length) setDraft((d) => ({ ...d, files: [...d.files, ...added] }))
  }
  const setCover = async () => {
    const [cover] = await uploads.pickAndUpload(1)
    if (cover) setDraft((d) => ({ ...d, cover: cover.fileId }))
  }

  const save = async () => {
    if (submission.busy) return
    const checked = toInput(draft)
    if (!checked.ok) {
      setErrors(checked.errors)
      toast(Object.values(checked.errors)[0] ?? '请检查填写内容')
      return
    }
    setErrors({})
    const res = await submission.run((requestId) =>
      materialId ? updateMaterial(materialId, checked.input) : createMaterial(checked.input, requestId),
    )
    if (!res) return
    if (res.code !== 0) {
      toast(res.message)
      return
    }
    toastSuccess('已保存')
    // Let the toast be seen, then go back to the list (which reloads on show).
    setTimeout(() => {
      Promise.resolve()
        .then(() => Taro.navigateBack())
        .catch(() => undefined)
    }, 800)
  }

  return (
    <View className='material-form'>
      <Field
        id='title'
        label='资料名称'
        required
        value={draft.title}
        maxlength={40}
        error={errors.title}
        onInput={(title) => set({ title })}
      />
      <Field
        id='description'
        label='简介'
        multiline
        value={draft.description}
        maxlength={1000}
        onInput={(description) => set({ description })}
      />
      <Section title='学科' error={errors.subject}>
        <ChoiceChips
          id='subject'
          options={SUBJECT_CHOICES}
          selected={draft.subject ? [draft.subject] : []}
          onChange={([s]) => set({ subject: s })}
        />
      </Section>
      <Section title='年级（可多选）' error={errors.grades}>
        <ChoiceChips id='grade' multiple options={GRADE_CHOICES} selected={draft.grades} onChange={(grades) => set({ grades })} />
      </Section>
      <Section title={`文件（${draft.files.length}/${MAX_FILES}）`} error={errors.files}>
        <FileRows files={draft.files} onRemove={(id) => set({ files: draft.files.filter((f) => f.fileId !== id) })} />
        {draft.files.length < MAX_FILES ? (
          <Button
            id='add-files'
            size='small'
            round
            plain
            type='primary'
            loading={uploads.uploading}
            loadingText='上传中'
            onClick={() => void addFiles()}
          >
            上传文件
          </Button>
        ) : null}
      </Section>
      <Section title='封面（可选）'>
        {draft.cover ? <Image className='material-form__cover' src={fileSrc(draft.cover)} mode='aspectFill' /> : null}
        <View className='material-form__row'>
          <Button id='set-cover' size='small' round plain loading={uploads.uploading} onClick={() => void setCover()}>
            {draft.cover ? '更换封面' : '上传封面'}
          </Button>
          {draft.cover ? (
            <Button id='clear-cover' size='small' round onClick={() => set({ cover: null })}>
              去掉封面
            </Button>
          ) : null}
        </View>
      </Section>
      <Section title='解锁方式'>
        <Segmented id='rule' options={RULES} value={draft.ruleKind} onChange={(ruleKind) => set({ ruleKind })} />
      </Section>
      {draft.ruleKind === 'points' ? (
        <Field id='cost' label='所需积分' type='number' required value={draft.cost} error={errors.cost} onInput={(cost) => set({ cost })} />
      ) : null}
      {draft.ruleKind === 'invites' ? (
        <Field
          id='invite-count'
          label='需邀请好友数'
          type='number'
          required
          value={draft.inviteCount}
          error={errors.inviteCount}
          onInput={(inviteCount) => set({ inviteCount })}
        />
      ) : null}
      {draft.ruleKind === 'signup' ? (
        <Section title='报名哪节课可解锁' error={errors.classId}>
          <ClassChoice value={draft.classId} onChange={(classId) => set({ classId })} />
        </Section>
      ) : null}
      <Section title='上架状态'>
        <Segmented id='shelf' options={SHELF} value={draft.onShelf ? 'on' : 'off'} onChange={(v) => set({ onShelf: v === 'on' })} />
      </Section>
      <View className='material-form__bar'>
        <Button
          id='save'
          type='primary'
          round
          block
          loading={submission.busy}
          loadingText='保存中'
          disabled={uploads.uploading}
          onClick={() => void save()}
        >
          保存
        </Button>
      </View>
    </View>
  )
}

export default function MaterialFormPage() {
  return (
    <RoleGate role='admin'>
      <MaterialForm />
    </RoleGate>
  )
}

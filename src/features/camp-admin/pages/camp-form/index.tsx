import { useEffect, useState } from 'react'
import { Image, Picker, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import RoleGate from '@/shared/ui/role-gate'
import Button from '@/shared/ui/button'
import Field from '@/shared/ui/field'
import Segmented from '@/shared/ui/segmented'
import { fileSrc, uploadFile } from '@/shared/cloud'
import { useRouteParam } from '@/shared/route'
import { adminCamp, createCamp, updateCamp } from '../../api'
import {
  EMPTY_CAMP_FORM,
  toCampInput,
  toCampPatch,
  validateCampForm,
  valuesFromCamp,
  type CampFormErrors,
  type CampFormValues,
} from '../../camp-form-model'
import Chips from '../../components/chips'
import { FormRow } from '../../components/form-row'
import { GRADE_CHOICES, SUBJECT_CHOICES } from '@/shared/options/grade-subject'
import '../../components/form.scss'
import './index.scss'
import { useSubmission } from '@/shared/request-id/use-submission'
import { toast, toastSuccess } from '@/shared/ui/feedback'
import PageState, { useLoad } from '@/shared/ui/page-state'

const SCALES = [
  { value: 'stars5', label: '五星评分' },
  { value: 'abc', label: 'A/B/C' },
] as const

function CampForm({ campId }: { campId: string }) {
  const creating = !campId
  // A new camp has nothing to load: the empty form at once.
  const { load, reload } = useLoad<CampFormValues | null>(
    async () => {
      const res = await adminCamp(campId)
      return res.code === 0 ? { code: 0, data: valuesFromCamp(res.data.camp) } : res
    },
    campId,
    creating ? null : undefined,
  )
  useEffect(() => {
    void Taro.setNavigationBarTitle({ title: creating ? '新建打卡营' : '编辑打卡营' })
  }, [creating])
  return (
    <PageState load={load} onRetry={() => void reload()}>
      {(original) => <CampEditor campId={campId} original={original} />}
    </PageState>
  )
}

/** The form itself, filled with the loaded camp (`original`) or empty for a new one. */
function CampEditor({ campId, original }: { campId: string; original: CampFormValues | null }) {
  const creating = !campId
  const [values, setValues] = useState<CampFormValues>(original ?? EMPTY_CAMP_FORM)
  const [errors, setErrors] = useState<CampFormErrors>({})
  const submission = useSubmission()
  const [uploading, setUploading] = useState(false)

  const set = (patch: Partial<CampFormValues>) => setValues((v) => ({ ...v, ...patch }))

  const pickCover = async () => {
    let path: string
    try {
      path = (await Taro.chooseMedia({ count: 1, mediaType: ['image'], sizeType: ['compressed'] })).tempFiles[0].tempFilePath
    } catch {
      return // picker closed
    }
    setUploading(true)
    try {
      const ext = /\.([A-Za-z0-9]{1,5})$/.exec(path)?.[1] ?? 'jpg'
      set({ coverFileId: await uploadFile(`camp-covers/${Date.now().toString(36)}.${ext}`, path) })
    } catch {
      toast('封面上传失败，请重试')
    } finally {
      setUploading(false)
    }
  }

  const save = async () => {
    if (submission.busy || uploading) return
    const found = validateCampForm(values)
    setErrors(found)
    const first = Object.values(found)[0]
    if (first) return void toast(first)
    const patch = original ? toCampPatch(values, original) : null
    if (patch && Object.keys(patch).length === 0) return void toast('没有要修改的内容')
    const res = await submission.run((requestId) => (patch ? updateCamp(campId, patch) : createCamp(toCampInput(values), requestId)))
    if (!res) return
    if (res.code !== 0) return void toast(res.message)
    toastSuccess(creating ? '已创建' : '已保存')
    setTimeout(() => void Promise.resolve(Taro.navigateBack()).catch(() => undefined), 800)
  }

  const subjectIndex = Math.max(
    0,
    SUBJECT_CHOICES.findIndex((o) => o.value === values.subject),
  )
  return (
    <View className='admin-form'>
      <View className='admin-form__group'>
        <Field
          id='c-title'
          label='名称'
          required
          value={values.title}
          maxlength={40}
          placeholder='如 21 天英语口语打卡'
          error={errors.title}
          onInput={(title) => set({ title })}
        />
        <FormRow label='学科'>
          <Picker
            id='c-subject'
            mode='selector'
            range={SUBJECT_CHOICES.map((o) => o.label)}
            value={subjectIndex}
            onChange={(e) => set({ subject: SUBJECT_CHOICES[Number(e.detail.value)].value })}
          >
            <View>{SUBJECT_CHOICES[subjectIndex].label}</View>
          </Picker>
        </FormRow>
        <FormRow label='适用年级' hint='不选表示不限年级'>
          <Chips id='c-grade' options={GRADE_CHOICES} values={values.gradeTags} onChange={(gradeTags) => set({ gradeTags })} />
        </FormRow>
        <FormRow label='封面' required error={errors.coverFileId}>
          <View role='button' id='c-cover' className='camp-form__cover' onClick={() => void pickCover()}>
            {values.coverFileId ? <Image className='camp-form__cover-image' src={fileSrc(values.coverFileId)} mode='aspectFill' /> : null}
            <View className='camp-form__cover-text'>{uploading ? '上传中…' : values.coverFileId ? '更换封面' : '上传封面'}</View>
          </View>
        </FormRow>
        <FormRow label='点评方式'>
          <Segmented id='c-scale' options={SCALES} value={values.scoreScale} onChange={(scoreScale) => set({ scoreScale })} />
        </FormRow>
        <Field
          id='c-desc'
          label='介绍'
          multiline
          maxlength={2000}
          value={values.description}
          placeholder='打卡营的目标、适合谁、每天做什么'
          error={errors.description}
          onInput={(description) => set({ description })}
        />
      </View>
      <View className='admin-form__actions'>
        <Button id='save-camp' type='primary' round block loading={submission.busy} loadingText='保存中' onClick={() => void save()}>
          {creating ? '创建打卡营' : '保存修改'}
        </Button>
      </View>
    </View>
  )
}

export default function CampFormPage() {
  const campId = useRouteParam('campId')
  return (
    <RoleGate role='admin'>
      <CampForm campId={campId} />
    </RoleGate>
  )
}

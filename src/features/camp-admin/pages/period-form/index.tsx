import { useEffect, useState } from 'react'
import { Picker, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import RoleGate from '@/shared/ui/role-gate'
import Button from '@/shared/ui/button'
import Field from '@/shared/ui/field'
import Segmented from '@/shared/ui/segmented'
import { redirectTo, useRouteParam } from '@/shared/route'
import { adminCamp, createPeriod, updatePeriod } from '../../api'
import Chips from '../../components/chips'
import { FormRow, PickerRow } from '../../components/form-row'
import PeriodPointsFields from '../../components/period-points-fields'
import { CONTENT_OPTIONS, CUTOFF_OPTIONS, ENTRY_OPTIONS, LENGTH_OPTIONS } from '../../options'
import {
  EMPTY_PERIOD_FORM,
  withLength,
  toPeriodInput,
  toPeriodPatch,
  validatePeriodForm,
  valuesFromPeriod,
  type PeriodFormErrors,
  type PeriodFormValues,
} from '../../period-form-model'
import '../../components/form.scss'
import { useSubmission } from '@/shared/request-id/use-submission'
import { toast } from '@/shared/ui/feedback'
import PageState, { useLoad } from '@/shared/ui/page-state'

/** What the form opens with: the period as saved (`original`, null for a new one) and the values to edit. */
interface PeriodFormStart {
  original: PeriodFormValues | null
  initial: PeriodFormValues
}

function PeriodForm({ campId, periodId }: { campId: string; periodId: string }) {
  const creating = !periodId
  // Both modes read the camp: a new period continues its numbering, an edited one is found among its periods.
  const { load, reload } = useLoad<PeriodFormStart>(async () => {
    const res = await adminCamp(campId)
    if (res.code !== 0) return res
    if (creating) {
      // A new period continues the numbering and copies the latest period's rules, the usual way a camp runs on.
      const latest = res.data.periods[0]
      const initial = latest ? { ...valuesFromPeriod(latest), index: String(latest.index + 1), startDay: '' } : EMPTY_PERIOD_FORM
      return { code: 0, data: { original: null, initial } }
    }
    const period = res.data.periods.find((p) => p._id === periodId)
    if (!period) return { code: 'CAMP.NOT_FOUND', message: '该期不存在' }
    const original = valuesFromPeriod(period)
    return { code: 0, data: { original, initial: original } }
  }, `${campId}/${periodId}`)
  useEffect(() => {
    void Taro.setNavigationBarTitle({ title: creating ? '新建一期' : '编辑期次' })
  }, [creating])
  return (
    <PageState load={load} onRetry={() => void reload()}>
      {(start) => <PeriodEditor campId={campId} periodId={periodId} {...start} />}
    </PageState>
  )
}

/** The form itself, filled with `initial`; `original` is the period as saved (null for a new one). */
function PeriodEditor({ campId, periodId, original, initial }: { campId: string; periodId: string } & PeriodFormStart) {
  const creating = !periodId
  const [values, setValues] = useState<PeriodFormValues>(initial)
  const [errors, setErrors] = useState<PeriodFormErrors>({})
  const submission = useSubmission()

  const set = (patch: Partial<PeriodFormValues>) => setValues((v) => ({ ...v, ...patch }))

  const save = async () => {
    if (submission.busy) return
    const found = validatePeriodForm(values, creating)
    setErrors(found)
    const first = Object.values(found)[0]
    if (first) return void toast(first)
    const patch = original ? toPeriodPatch(values, original) : null
    if (patch && Object.keys(patch).length === 0) return void toast('没有要修改的内容')
    const res = await submission.run((requestId) =>
      patch ? updatePeriod(periodId, patch) : createPeriod(toPeriodInput(values, campId), requestId),
    )
    if (!res) return
    if (res.code !== 0) return void toast(res.message)
    toast(creating ? '已创建，请设置每日任务' : '已保存')
    const created = { campId, periodId: res.data._id }
    setTimeout(() => void (creating ? redirectTo('camp-admin/period', created) : Taro.navigateBack()).catch(() => undefined), 800)
  }

  const cutoffIndex = Math.max(
    0,
    CUTOFF_OPTIONS.findIndex((o) => o.value === values.cutoffMinutes),
  )
  return (
    <View className='admin-form'>
      <View className='admin-form__title'>基本信息</View>
      <Field
        id='p-index'
        label='期数'
        required
        type='number'
        value={values.index}
        error={errors.index}
        onInput={(index) => set({ index })}
      />
      <FormRow label='天数'>
        <Segmented
          id='p-length'
          options={LENGTH_OPTIONS}
          value={values.lengthDays}
          onChange={(lengthDays) => setValues((v) => withLength(v, lengthDays))}
        />
      </FormRow>
      <PickerRow
        id='p-start'
        label='开营日期'
        mode='date'
        value={values.startDay}
        placeholder='请选择'
        error={errors.startDay}
        onChange={(startDay) => set({ startDay })}
      />
      <Field
        id='p-capacity'
        label='名额'
        required
        type='number'
        value={values.capacity}
        error={errors.capacity}
        onInput={(capacity) => set({ capacity })}
      />
      <FormRow label='打卡形式' error={errors.contentTypes}>
        <Chips id='p-content' options={CONTENT_OPTIONS} values={values.contentTypes} onChange={(contentTypes) => set({ contentTypes })} />
      </FormRow>
      <View className='admin-form__title'>打卡时间</View>
      <PickerRow
        id='p-window-start'
        label='每天开始'
        mode='time'
        value={values.windowStart}
        placeholder='不限'
        clearable
        onChange={(windowStart) => set({ windowStart })}
      />
      <PickerRow
        id='p-window-end'
        label='每天结束'
        mode='time'
        value={values.windowEnd}
        placeholder='不限'
        clearable
        error={errors.windowEnd}
        onChange={(windowEnd) => set({ windowEnd })}
      />
      <FormRow label='日切时间' hint='凌晨此时刻之前的打卡仍算前一天（北京时间）'>
        <Picker
          id='p-cutoff'
          mode='selector'
          range={CUTOFF_OPTIONS.map((o) => o.label)}
          value={cutoffIndex}
          onChange={(e) => set({ cutoffMinutes: CUTOFF_OPTIONS[Number(e.detail.value)].value })}
        >
          <View>{CUTOFF_OPTIONS[cutoffIndex].label}</View>
        </Picker>
      </FormRow>
      <View className='admin-form__title'>加入方式</View>
      <FormRow label='加入规则'>
        <Segmented id='p-entry' options={ENTRY_OPTIONS} value={values.entryKind} onChange={(entryKind) => set({ entryKind })} />
      </FormRow>
      {values.entryKind === 'invite_code' ? (
        <Field
          id='p-code'
          label='邀请码'
          required
          value={values.inviteCode}
          maxlength={32}
          error={errors.inviteCode}
          onInput={(inviteCode) => set({ inviteCode })}
        />
      ) : null}
      <View id='p-group-note' className='admin-form__note'>
        {values.entryKind === 'group'
          ? '按群加入：保存后在期次页把本期分享到打卡群，再在群里打开卡片点「绑定此群」，绑定后才能发布。'
          : '打卡群不用填写：在群里打开本期卡片点「绑定此群」即可，群内打卡可获得积分加倍。'}
      </View>
      <PeriodPointsFields values={values} errors={errors} set={set} />
      <View className='admin-form__actions'>
        <Button id='save-period' type='primary' round block loading={submission.busy} loadingText='保存中' onClick={() => void save()}>
          {creating ? '创建（草稿）' : '保存修改'}
        </Button>
      </View>
    </View>
  )
}

export default function PeriodFormPage() {
  const campId = useRouteParam('campId')
  const periodId = useRouteParam('periodId')
  return (
    <RoleGate role='admin'>
      <PeriodForm campId={campId} periodId={periodId} />
    </RoleGate>
  )
}

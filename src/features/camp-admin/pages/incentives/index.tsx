import { useState } from 'react'
import { Picker, View } from '@tarojs/components'
import type { IncentivesView } from '@cloud/contracts/community'
import type { BadgeId } from '@cloud/domain/community'
import RoleGate from '@/shared/ui/role-gate'
import Button from '@/shared/ui/button'
import { useRouteParam } from '@/shared/route'
import { toast, toastSuccess } from '@/shared/ui/feedback'
import PageState, { useLoad } from '@/shared/ui/page-state'
import { periodIncentives, setIncentives } from '../../api'
import {
  BADGE_POINTS_STEP,
  badgePointsOf,
  dayOptions,
  formOf,
  multiplierOptions,
  nextTier,
  tierExample,
  type IncentivesForm,
} from '../../incentives-model'
import '../../components/form.scss'
import './index.scss'

/** A −/+ stepper for a badge's points, BADGE_POINTS_STEP at a time within 0…max. */
function PointsStepper({ id, value, max, onChange }: { id: string; value: number; max: number; onChange: (v: number) => void }) {
  const down = value > 0
  const up = value < max
  return (
    <View className='incentives__stepper'>
      <View
        id={`${id}-minus`}
        role='button'
        aria-label='减少积分'
        className={`incentives__step${down ? '' : ' incentives__step--off'}`}
        onClick={down ? () => onChange(Math.max(0, value - BADGE_POINTS_STEP)) : undefined}
      >
        −
      </View>
      <View id={id} className='incentives__points'>
        {value} 分
      </View>
      <View
        id={`${id}-plus`}
        role='button'
        aria-label='增加积分'
        className={`incentives__step${up ? '' : ' incentives__step--off'}`}
        onClick={up ? () => onChange(Math.min(max, value + BADGE_POINTS_STEP)) : undefined}
      >
        +
      </View>
    </View>
  )
}

function Editor({ periodId, view, onSaved }: { periodId: string; view: IncentivesView; onSaved: (v: IncentivesView) => void }) {
  const [form, setForm] = useState<IncentivesForm>(() => formOf(view))
  const [error, setError] = useState('')
  const [busy, setBusy] = useState(false)
  const days = dayOptions(view)
  const mults = multiplierOptions(view)
  const edit = (next: IncentivesForm) => {
    setForm(next)
    setError('')
  }
  const setTier = (i: number, patch: Partial<IncentivesForm['tiers'][number]>) =>
    edit({ ...form, tiers: form.tiers.map((t, j) => (j === i ? { ...t, ...patch } : t)) })
  const setPoints = (b: BadgeId, points: number) => edit({ ...form, points: { ...form.points, [b]: points } })

  const save = async () => {
    if (busy) return
    setBusy(true)
    const res = await setIncentives(periodId, form.tiers, badgePointsOf(view, form))
    setBusy(false)
    if (res.code !== 0) {
      // TEAM.TIERS_INVALID / TEAM.BADGE_POINTS_INVALID carry the rule in Chinese: shown where the operator looks.
      setError(res.message)
      return void toast(res.message)
    }
    toastSuccess('已保存')
    onSaved(res.data)
    setForm(formOf(res.data))
  }

  return (
    <View className='admin-form incentives'>
      <View className='admin-form__title'>{view.periodTitle}</View>
      {!view.editable ? (
        <View id='inc-readonly' className='admin-form__note'>
          本期已结营，激励设置不能再修改。
        </View>
      ) : null}
      <View className='admin-form__title'>连续打卡加成</View>
      {form.tiers.length === 0 ? (
        <View id='inc-no-tiers' className='admin-form__note'>
          还没有设置加成：打卡只得基础积分。
        </View>
      ) : null}
      {form.tiers.map((t, i) => (
        <View key={i} id={`inc-tier-${i}`}>
          <View className='incentives__tier'>
            <View className='incentives__tier-pickers'>
              <Picker
                id={`inc-tier-${i}-days`}
                mode='selector'
                range={days.map((d) => `连续 ${d} 天起`)}
                value={Math.max(0, days.indexOf(t.fromDays))}
                disabled={!view.editable}
                onChange={(e) => setTier(i, { fromDays: days[Number(e.detail.value)] })}
              >
                <View className='incentives__pick'>连续 {t.fromDays} 天起</View>
              </Picker>
              <Picker
                id={`inc-tier-${i}-mult`}
                mode='selector'
                range={mults.map((m) => `×${m}`)}
                value={Math.max(0, mults.indexOf(t.multiplier))}
                disabled={!view.editable}
                onChange={(e) => setTier(i, { multiplier: mults[Number(e.detail.value)] })}
              >
                <View className='incentives__pick'>×{t.multiplier}</View>
              </Picker>
            </View>
            {view.editable ? (
              <View
                id={`inc-tier-${i}-remove`}
                role='button'
                className='incentives__remove'
                onClick={() => edit({ ...form, tiers: form.tiers.filter((_, j) => j !== i) })}
              >
                删除
              </View>
            ) : null}
          </View>
          <View className='incentives__example'>{tierExample(t, view.perCheckin)}</View>
        </View>
      ))}
      <View className='admin-form__note'>按每次打卡的基础积分加成，与群内打卡加成分开计算；补卡不享受加成。天数和倍数都需逐档递增。</View>
      {view.editable && form.tiers.length < view.limits.maxTiers ? (
        <View className='admin-form__actions'>
          <Button id='inc-add-tier' plain round block onClick={() => edit({ ...form, tiers: [...form.tiers, nextTier(view, form.tiers)] })}>
            添加一档加成
          </Button>
        </View>
      ) : null}
      <View className='admin-form__title'>徽章积分</View>
      {view.badges.map((b) => (
        <View key={b.value} id={`inc-badge-${b.value}`} className='incentives__badge'>
          <View>{b.label}</View>
          {view.editable ? (
            <PointsStepper
              id={`inc-badge-${b.value}-points`}
              value={form.points[b.value] ?? 0}
              max={view.limits.maxBadgePoints}
              onChange={(points) => setPoints(b.value, points)}
            />
          ) : (
            <View>{form.points[b.value] ?? 0} 分</View>
          )}
        </View>
      ))}
      <View className='admin-form__note'>徽章总会发给达成的学员；积分为 0 时只发徽章，不加积分。每个徽章每期只发一次。</View>
      {error ? (
        <View id='inc-error' className='incentives__error'>
          {error}
        </View>
      ) : null}
      {view.editable ? (
        <View className='admin-form__actions'>
          <Button id='inc-save' type='primary' round block loading={busy} loadingText='保存中…' onClick={() => void save()}>
            保存
          </Button>
        </View>
      ) : null}
    </View>
  )
}

function Incentives({ periodId }: { periodId: string }) {
  const { load, reload, update } = useLoad(() => periodIncentives(periodId), periodId)
  return (
    <PageState load={load} onRetry={() => void reload()}>
      {(view) => <Editor periodId={periodId} view={view} onSaved={(next) => update(() => next)} />}
    </PageState>
  )
}

export default function IncentivesPage() {
  const periodId = useRouteParam('periodId')
  return (
    <RoleGate role='admin'>
      <Incentives periodId={periodId} />
    </RoleGate>
  )
}

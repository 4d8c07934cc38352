import { useState } from 'react'
import { View } from '@tarojs/components'
import type { DailyTask } from '@cloud/domain/camp'
import RoleGate from '@/shared/ui/role-gate'
import Button from '@/shared/ui/button'
import Field from '@/shared/ui/field'
import { useRouteParam } from '@/shared/route'
import { adminCamp, setTasks } from '../../api'
import { draftsFor, tasksFrom, type TaskDraft } from '../../tasks-model'
import '../../components/form.scss'
import { toast } from '@/shared/ui/feedback'
import PageState, { useLoad } from '@/shared/ui/page-state'

interface Tasks {
  saved: DailyTask[]
  title: string
  lengthDays: number
}

function TasksEditor({ campId, periodId }: { campId: string; periodId: string }) {
  const { load, reload, update } = useLoad<Tasks>(async () => {
    const res = await adminCamp(campId)
    if (res.code !== 0) return res
    const period = res.data.periods.find((p) => p._id === periodId)
    if (!period) return { code: 'CLIENT.NO_PERIOD', message: '该期不存在' }
    return {
      code: 0,
      data: { saved: period.tasks, title: `第 ${period.index} 期 · ${period.lengthDays} 天`, lengthDays: period.lengthDays },
    }
  }, `${campId}/${periodId}`)
  return (
    <PageState load={load} onRetry={() => void reload()}>
      {(tasks) => <TasksForm periodId={periodId} tasks={tasks} onSaved={(saved) => update((t) => ({ ...t, saved }))} />}
    </PageState>
  )
}

function TasksForm({ periodId, tasks, onSaved }: { periodId: string; tasks: Tasks; onSaved: (saved: DailyTask[]) => void }) {
  const [drafts, setDrafts] = useState<TaskDraft[]>(() => draftsFor(tasks.lengthDays, tasks.saved))
  const [saving, setSaving] = useState(false)

  const edit = (index: number, patch: Partial<TaskDraft>) => setDrafts((all) => all.map((d, i) => (i === index ? { ...d, ...patch } : d)))

  const save = async () => {
    if (saving) return
    const { tasks: next, problem } = tasksFrom(drafts, tasks.saved)
    if (problem) return void toast(problem)
    setSaving(true)
    const res = await setTasks(periodId, next)
    setSaving(false)
    if (res.code !== 0) return void toast(res.message)
    onSaved(res.data.tasks)
    toast(`已保存 ${next.length} 天的任务`)
  }

  return (
    <View className='admin-form'>
      <View className='admin-form__note'>{tasks.title}：每天一个主题和要求。留空的日子没有专属任务，学员看到通用说明。</View>
      {drafts.map((d, i) => (
        <View key={i} className='admin-form__group'>
          <Field
            id={`t-theme-${i + 1}`}
            label={`第 ${i + 1} 天`}
            value={d.theme}
            maxlength={40}
            placeholder='主题，如 自我介绍'
            onInput={(theme) => edit(i, { theme })}
          />
          <Field
            id={`t-text-${i + 1}`}
            label='任务要求'
            multiline
            maxlength={2000}
            value={d.instructions}
            placeholder='今天要做什么、怎么打卡'
            onInput={(instructions) => edit(i, { instructions })}
          />
        </View>
      ))}
      <View className='admin-form__actions'>
        <Button id='save-tasks' type='primary' round block loading={saving} loadingText='保存中' onClick={() => void save()}>
          保存每日任务
        </Button>
      </View>
    </View>
  )
}

export default function TasksPage() {
  const campId = useRouteParam('campId')
  const periodId = useRouteParam('periodId')
  return (
    <RoleGate role='admin'>
      <TasksEditor campId={campId} periodId={periodId} />
    </RoleGate>
  )
}

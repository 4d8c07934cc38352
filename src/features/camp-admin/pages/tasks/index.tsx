import { useEffect, useState } from 'react'
import { View } from '@tarojs/components'
import type { DailyTask } from '@cloud/domain/camp'
import RoleGate from '@/shared/ui/role-gate'
import Button from '@/shared/ui/button'
import Field from '@/shared/ui/field'
import { routeParam } from '@/shared/route'
import { adminCamp, setTasks } from '../../api'
import { draftsFor, tasksFrom, type TaskDraft } from '../../tasks-model'
import '../../components/form.scss'
import LoadError from '@/shared/ui/load-error'
import { toast } from '@/shared/ui/feedback'
import { Loading } from '@/shared/ui/page-state'

type Load = { status: 'loading' } | { status: 'ready'; saved: DailyTask[]; title: string } | { status: 'error'; message: string }

function TasksEditor({ campId, periodId }: { campId: string; periodId: string }) {
  const [load, setLoad] = useState<Load>({ status: 'loading' })
  const [drafts, setDrafts] = useState<TaskDraft[]>([])
  const [saving, setSaving] = useState(false)

  const fetchTasks = async () => {
    setLoad({ status: 'loading' })
    const res = await adminCamp(campId)
    if (res.code !== 0) return setLoad({ status: 'error', message: res.message })
    const period = res.data.periods.find((p) => p._id === periodId)
    if (!period) return setLoad({ status: 'error', message: '该期不存在' })
    setDrafts(draftsFor(period.lengthDays, period.tasks))
    setLoad({ status: 'ready', saved: period.tasks, title: `第 ${period.index} 期 · ${period.lengthDays} 天` })
  }
  useEffect(() => {
    void fetchTasks()
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [campId, periodId])

  const edit = (index: number, patch: Partial<TaskDraft>) => setDrafts((all) => all.map((d, i) => (i === index ? { ...d, ...patch } : d)))

  const save = async () => {
    if (saving || load.status !== 'ready') return
    const { tasks, problem } = tasksFrom(drafts, load.saved)
    if (problem) return void toast(problem)
    setSaving(true)
    const res = await setTasks(periodId, tasks)
    setSaving(false)
    if (res.code !== 0) return void toast(res.message)
    setLoad({ ...load, saved: res.data.tasks })
    toast(`已保存 ${tasks.length} 天的任务`)
  }

  if (load.status === 'loading') return <Loading />
  if (load.status === 'error') {
    return <LoadError message={load.message} onRetry={() => void fetchTasks()} />
  }
  return (
    <View className='admin-form'>
      <View className='admin-form__note'>{load.title}：每天一个主题和要求。留空的日子没有专属任务，学员看到通用说明。</View>
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
  return (
    <RoleGate role='admin'>
      <TasksEditor campId={routeParam('campId')} periodId={routeParam('periodId')} />
    </RoleGate>
  )
}

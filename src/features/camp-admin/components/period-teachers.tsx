import { useEffect, useRef, useState } from 'react'
import { View } from '@tarojs/components'
import type { MemberPick } from '@cloud/contracts/identity'
import MemberPicker from '@/shared/member-picker'
import Button from '@/shared/ui/button'
import LoadError from '@/shared/ui/load-error'
import { periodTeachers, setPeriodTeacher } from '../api'
import './period-teachers.scss'
import { confirm, toast, toastSuccess } from '@/shared/ui/feedback'
import { Loading } from '@/shared/ui/page-state'

type Load = { status: 'loading' } | { status: 'ok'; teachers: MemberPick[] } | { status: 'error'; message: string }

/** The period's teachers (their review queue shows its submissions): add by searching a name, remove after confirming. */
export default function PeriodTeachers({ periodId }: { periodId: string }) {
  const [load, setLoad] = useState<Load>({ status: 'loading' })
  const [adding, setAdding] = useState(false)
  const busy = useRef(false)

  const fetchTeachers = async () => {
    const res = await periodTeachers(periodId)
    setLoad(res.code === 0 ? { status: 'ok', teachers: res.data.teachers } : { status: 'error', message: res.message })
  }
  useEffect(() => {
    void fetchTeachers()
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [periodId])

  const change = async (member: MemberPick, assigned: boolean) => {
    if (busy.current) return
    busy.current = true
    try {
      if (!assigned) {
        const confirmed = await confirm({
          title: '移除老师',
          content: `移除后 ${member.nickname} 不再看到本期的待点评打卡，确认移除？`,
          confirmText: '移除',
          cancelText: '取消',
        })
        if (!confirmed) return
      }
      const res = await setPeriodTeacher(periodId, member.handle, assigned)
      if (res.code !== 0) return void toast(res.message)
      setLoad({ status: 'ok', teachers: res.data.teachers })
      toastSuccess(assigned ? '已添加' : '已移除')
    } finally {
      busy.current = false
    }
  }

  if (load.status === 'loading') return <Loading what='老师' inline />
  if (load.status === 'error') return <LoadError message={load.message} onRetry={() => void fetchTeachers()} />
  const assignedHandles = new Set(load.teachers.map((t) => t.handle))
  return (
    <View id='pa-teachers' className='period-teachers'>
      <View className='period-teachers__title'>本期老师</View>
      {load.teachers.length === 0 ? (
        <View className='period-teachers__note'>还没有老师，添加后老师即可在待点评中看到本期的打卡</View>
      ) : (
        load.teachers.map((t, i) => (
          <View key={t.handle} id={`pa-teacher-${i}`} className='period-teachers__row'>
            <View className='period-teachers__name'>{t.nickname}</View>
            <Button id={`pa-teacher-remove-${i}`} size='small' plain round onClick={() => void change(t, false)}>
              移除
            </Button>
          </View>
        ))
      )}
      {adding ? (
        <MemberPicker
          id='pa-teacher-picker'
          placeholder='搜索老师的昵称或手机尾号'
          isPicked={(m) => assignedHandles.has(m.handle)}
          pickedLabel='已是本期老师'
          onPick={(m) => void change(m, true)}
        />
      ) : (
        <View className='period-teachers__add'>
          <Button id='pa-teacher-add' size='small' type='primary' plain round onClick={() => setAdding(true)}>
            添加老师
          </Button>
        </View>
      )}
    </View>
  )
}

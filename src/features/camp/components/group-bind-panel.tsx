import { useEffect, useRef, useState } from 'react'
import { View } from '@tarojs/components'
import type { GroupBindingView } from '@cloud/contracts/camp-results'
import Button from '@/shared/ui/button'
import { useMe } from '@/shared/session'
import { bindGroup, groupBinding } from '../api'
import { groupProof } from '../group-proof'
import './group-bind-panel.scss'
import { confirm, toast, toastSuccess } from '@/shared/ui/feedback'

/**
 * 绑定此群, on the period's card opened inside a group chat, for operators only (admins and the period's teachers; the
 * server checks again). Members never see it. The page sends a fresh group-enter CloudID; which group it is, the
 * camp function decides.
 */
export default function GroupBindPanel({ periodId }: { periodId: string }) {
  const { me } = useMe()
  const operator = !!me && (me.isAdmin || me.isTeacher)
  const [view, setView] = useState<GroupBindingView | null>(null)
  const [busy, setBusy] = useState(false)
  const asking = useRef(false)

  useEffect(() => {
    if (!operator || !periodId) return
    let alive = true
    void (async () => {
      const proof = await groupProof()
      if (!proof) return
      const res = await groupBinding(periodId, proof)
      // Not this operator's period (or not a group after all): nothing to show.
      if (alive && res.code === 0) setView(res.data)
    })()
    return () => {
      alive = false
    }
  }, [operator, periodId])

  if (!view || !view.inGroup) return null

  const bind = async () => {
    if (asking.current) return
    asking.current = true
    try {
      const confirmed = await confirm({
        title: '绑定此群',
        content: `把当前群绑定到${view.periodTitle}？群成员从本群打开打卡可获得积分加倍。`,
        confirmText: '绑定',
        cancelText: '取消',
      })
      if (!confirmed) return
      setBusy(true)
      const proof = await groupProof()
      if (!proof) return void toast('请在群聊里重新打开本期卡片')
      const res = await bindGroup(periodId, proof)
      if (res.code !== 0) return void toast(res.message)
      setView(res.data)
      toastSuccess(res.data.already ? '本群已绑定' : '已绑定此群')
    } finally {
      asking.current = false
      setBusy(false)
    }
  }

  return (
    <View id='group-bind' className='group-bind'>
      <View className='group-bind__title'>打卡群 · {view.periodTitle}</View>
      <View id='group-bind-count' className='group-bind__line'>
        已绑定 {view.boundCount} 个群{view.bound ? '，包括当前群' : ''}
      </View>
      {view.bound ? (
        <View id='group-bound' className='group-bind__done'>
          当前群已绑定，群成员从本群打开打卡可获得积分加倍
        </View>
      ) : (
        <Button id='bind-group' type='primary' round size='small' loading={busy} loadingText='绑定中' onClick={() => void bind()}>
          绑定此群
        </Button>
      )}
      <View className='group-bind__note'>仅运营和带班老师可见</View>
    </View>
  )
}
